package uk.gov.safeguarding.hub.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In the prod profile, refuses to start while any local demo credential of SPEC §8 is configured. It checks the
 * environment before any bean exists, so the refusal is the first and only error an operator sees.
 */
public class ProductionCredentialGuard implements EnvironmentPostProcessor {

    static final Set<String> DEMO_KEY_HASHES = Set.of(
            "968af6de376fc0c903a174872432e3d765ffcefbe5209d95e26620c4b2ae8dc2",
            "3753d49d12d38c5ea808468c4edef019078257d71446215849bc219a41140d02",
            "4419c3b07879d9a45246a3ad6b43755526a8e8c534c90f4f3c28cd57aaf9287f",
            "8c0bcfbdcdd344e80b4bcc8faf45488197753705411e08888c2d77d88ea8d18a",
            "d8acd354fe2378d1e14ab448fbba3063c6566f30a10ae75b7c1ba26214e50654",
            "52afc578a287cf67ef9c0ef01f6d28659dd27e4223ce47b256c99b6912c29f52",
            "1d93d8aa6bb02cfaf47c6b57d9c45c7092ab3ae2752bd3549c71afeae9879485",
            "fac43561afcd0cd54110ab66d10b535e11d30dd4aa27ef36cbe0d45c4db96697",
            "d0e25f8c0ede0e9c7b41377ebfa75f3f8a1bc5bfa4a60c5ccfb7b81fcc54e201");
    /** The demo users' passwords (ops, sandwell, ofsted): refused for any user, whatever its name. */
    static final List<String> DEMO_PASSWORDS = List.of("ops", "sandwell", "ofsted");
    static final String DEMO_CHILD_DATA_KEY_ID = "local-demo-1";
    static final String DEMO_ACKNOWLEDGEMENT_SECRET = "local-demo-acknowledgement-secret-change-me";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        Binder binder = Binder.get(environment);
        SecurityProperties security = binder.bind("hub.security", SecurityProperties.class)
                .orElse(new SecurityProperties(false, List.of(), List.of(), null, null));
        Map<String, String> childDataKeys = binder.bind("hub.child-data.keys", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        String acknowledgementSecret = environment.getProperty("hub.acknowledgement.secret");
        List<String> problems = new ArrayList<>();
        if (security.demoCredentials()) {
            problems.add("hub.security.demo-credentials is true");
        }
        security.apiKeys().forEach(client -> client.keySha256().stream()
                .filter(hash -> DEMO_KEY_HASHES.contains(hash.trim().toLowerCase()))
                .forEach(hash -> problems.add("API client '" + client.client() + "' has a local demo key")));
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        security.users().stream()
                .filter(user -> user.passwordBcrypt() != null && DEMO_PASSWORDS.stream()
                        .anyMatch(password -> bcrypt.matches(password, user.passwordBcrypt())))
                .forEach(user -> problems.add("user '" + user.username() + "' has a demo password"));
        if (childDataKeys.containsKey(DEMO_CHILD_DATA_KEY_ID)) {
            problems.add("hub.child-data.keys still holds the local demo key '" + DEMO_CHILD_DATA_KEY_ID + "'");
        }
        if (DEMO_ACKNOWLEDGEMENT_SECRET.equals(acknowledgementSecret)) {
            problems.add("hub.acknowledgement.secret is the local demo secret");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start with local demo credentials: "
                    + String.join("; ", problems));
        }
    }
}
