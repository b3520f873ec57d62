package uk.gov.safeguarding.hub.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * In the prod profile, checks the whole configuration before any bean exists, so before the hub connects to
 * anything, and refuses to start with one message that lists every problem: any local demo credential (recognised
 * by its value, under whatever name), a link base or webhook that is not https (webhook bodies carry child names),
 * no SMTP server (statutory emails would only be written to files) unless the operator says so, a secret shorter
 * than 32 bytes, an API key hash given to two clients, or a hub that would run as the owner of its PostgreSQL tables. Outside prod, while demo credentials are active, the hub
 * listens on the loopback interface only.
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
    /** The demo child-data key, refused by its value under any key id. */
    static final String DEMO_CHILD_DATA_KEY = "bG9jYWwtZGVtby1rZXktb25seS0zMi1ieXRlcyEhISE=";
    static final String DEMO_ACKNOWLEDGEMENT_SECRET = "local-demo-acknowledgement-secret-change-me";
    static final int MIN_SECRET_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(ProductionCredentialGuard.class);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            listenOnLoopbackWhileDemoCredentialsAreActive(environment);
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start; fix each of these " + problems.size()
                    + " problem(s) first:\n  - " + String.join("\n  - ", problems));
        }
    }

    private static void listenOnLoopbackWhileDemoCredentialsAreActive(ConfigurableEnvironment environment) {
        if (Boolean.parseBoolean(environment.getProperty("hub.security.demo-credentials", "false"))) {
            environment.getPropertySources().addFirst(new MapPropertySource("demo-credentials-on-loopback",
                    Map.of("server.address", "127.0.0.1")));
            log.warn("Local demo credentials are active: the hub listens on 127.0.0.1 only");
        }
    }

    static List<String> problems(ConfigurableEnvironment environment) {
        Binder binder = Binder.get(environment);
        SecurityProperties security = binder.bind("hub.security", SecurityProperties.class)
                .orElse(new SecurityProperties(false, List.of(), List.of(), null, null, null));
        List<String> problems = new ArrayList<>();
        if (security.demoCredentials()) {
            problems.add("hub.security.demo-credentials is true");
        }
        if (environment.containsProperty("hub.security.console-users[0].username")) {
            problems.add("hub.security.console-users is no longer read: people who sign in are hub.security.users, "
                    + "each with a role and scope (operations: role OPERATIONS, scope ALL)");
        }
        Map<String, String> firstClientOfHash = new HashMap<>();
        for (SecurityProperties.ApiKeyClient client : security.apiKeys()) {
            for (String hash : client.keySha256()) {
                String normalised = hash.trim().toLowerCase(Locale.ROOT);
                if (DEMO_KEY_HASHES.contains(normalised)) {
                    problems.add("API client '" + client.client() + "' has a local demo key");
                }
                String other = firstClientOfHash.putIfAbsent(normalised, client.client());
                if (other != null) {
                    problems.add("an API key hash is listed twice (clients '" + other + "' and '" + client.client()
                            + "'): each key must name one client");
                }
            }
        }
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        security.users().stream()
                .filter(user -> user.passwordBcrypt() != null && DEMO_PASSWORDS.stream()
                        .anyMatch(password -> bcrypt.matches(password, user.passwordBcrypt())))
                .forEach(user -> problems.add("user '" + user.username() + "' has a demo password"));
        binder.bind("hub.child-data.keys", Bindable.mapOf(String.class, String.class)).orElse(Map.of())
                .forEach((id, key) -> {
                    if (DEMO_CHILD_DATA_KEY.equals(key.trim())) {
                        problems.add("hub.child-data.keys." + id + " is the local demo key");
                    }
                });
        String acknowledgementSecret = environment.getProperty("hub.acknowledgement.secret");
        if (DEMO_ACKNOWLEDGEMENT_SECRET.equals(acknowledgementSecret)) {
            problems.add("hub.acknowledgement.secret is the local demo secret");
        } else {
            secretLongEnough(problems, "hub.acknowledgement.secret", acknowledgementSecret);
        }
        binder.bind("hub.acknowledgement.previous-secrets", Bindable.mapOf(String.class, String.class)).orElse(Map.of())
                .forEach((id, previous) -> secretLongEnough(problems, "hub.acknowledgement.previous-secrets." + id, previous));
        String base = environment.getProperty("hub.public-base-url", "");
        if (!base.startsWith("https://")) {
            problems.add("hub.public-base-url must be an https:// address (it is '" + base + "'): links in emails lead there");
        }
        binder.bind("hub.recipients", Bindable.mapOf(String.class, RecipientWebhook.class)).orElse(Map.of())
                .forEach((code, recipient) -> webhook(problems, "hub.recipients." + code + ".webhook", recipient.webhook()));
        binder.bind("hub.authorities", Bindable.mapOf(String.class, AuthorityWebhook.class)).orElse(Map.of())
                .forEach((code, authority) -> webhook(problems, "hub.authorities." + code + ".partnership.webhook",
                        authority.partnership() == null ? null : authority.partnership().webhook()));
        databaseRoles(problems, environment);
        boolean outboxMeant = Boolean.parseBoolean(environment.getProperty("hub.mail.outbox-in-production", "false"));
        if (!environment.containsProperty("spring.mail.host") && !outboxMeant) {
            problems.add("spring.mail.host is not set: statutory emails would only be written to the outbox folder "
                    + "(set hub.mail.outbox-in-production=true if that is meant)");
        }
        return problems;
    }

    /** On PostgreSQL the hub runs as a role of its own, not as the owner who migrates (and could rewrite the audit trail). */
    private static void databaseRoles(List<String> problems, ConfigurableEnvironment environment) {
        String url = setting(problems, environment, "spring.datasource.url", "HUB_DATABASE_URL");
        if (!url.startsWith("jdbc:postgresql:")) {
            return;
        }
        String runtimeUser = setting(problems, environment, "spring.datasource.username", "HUB_DATABASE_USERNAME");
        String owner = setting(problems, environment, "spring.flyway.user", "HUB_DATABASE_OWNER_USERNAME");
        if (owner.isBlank() || owner.equals(runtimeUser)) {
            problems.add("the hub must not run as the database owner: set spring.flyway.user (HUB_DATABASE_OWNER_USERNAME) "
                    + "to the owner who migrates and spring.datasource.username (HUB_DATABASE_USERNAME) to a role of its own");
        }
    }

    /** A setting, or "" and a problem when it names an environment variable that is not set. */
    private static String setting(List<String> problems, ConfigurableEnvironment environment, String property,
                                  String variable) {
        try {
            return environment.getProperty(property, "");
        } catch (IllegalArgumentException unresolved) {
            problems.add(property + " is not set: set " + variable);
            return "";
        }
    }

    private static void webhook(List<String> problems, String property, Webhook webhook) {
        if (webhook == null || webhook.url() == null || webhook.url().isBlank()) {
            return;
        }
        if (!webhook.url().startsWith("https://")) {
            problems.add(property + ".url must be https:// (webhook bodies carry child names): " + webhook.url());
        }
        secretLongEnough(problems, property + ".secret", webhook.secret());
    }

    private static void secretLongEnough(List<String> problems, String property, String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            problems.add(property + " must be at least " + MIN_SECRET_BYTES + " bytes (e.g. openssl rand -base64 48)");
        }
    }

    record Webhook(String url, String secret) {
    }

    record RecipientWebhook(Webhook webhook) {
    }

    record PartnershipWebhook(Webhook webhook) {
    }

    record AuthorityWebhook(PartnershipWebhook partnership) {
    }
}
