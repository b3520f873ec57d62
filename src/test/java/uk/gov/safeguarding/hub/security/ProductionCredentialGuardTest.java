package uk.gov.safeguarding.hub.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionCredentialGuardTest {

    private final ProductionCredentialGuard guard = new ProductionCredentialGuard();

    private static StandardEnvironment environment(Map<String, Object> properties, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        environment.setActiveProfiles(profiles);
        return environment;
    }

    private static Map<String, Object> realCredentials() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("hub.security.api-keys[0].client", "trust-e08000028");
        properties.put("hub.security.api-keys[0].role", "TRUST");
        properties.put("hub.security.api-keys[0].scope", "E08000028");
        properties.put("hub.security.api-keys[0].key-sha256[0]", "aa".repeat(32));
        properties.put("hub.child-data.keys.2026-11", "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1mb3ItdGVzdHMh");
        properties.put("hub.acknowledgement.secret", "a-real-secret-from-the-vault");
        return properties;
    }

    @Test
    void prodStartsWithRealCredentials() {
        assertThatCode(() -> guard.postProcessEnvironment(environment(realCredentials(), "prod"), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void prodRefusesADemoApiKey() {
        Map<String, Object> properties = realCredentials();
        properties.put("hub.security.api-keys[0].key-sha256[1]", ProductionCredentialGuard.DEMO_KEY_HASHES.iterator().next());
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment(properties, "prod"), new SpringApplication()))
                .hasMessageContaining("trust-e08000028");
    }

    @Test
    void prodRefusesTheDemoChildDataKeyAndAcknowledgementSecret() {
        Map<String, Object> properties = realCredentials();
        properties.put("hub.child-data.keys.local-demo-1", "bG9jYWwtZGVtby1rZXktb25seS0zMi1ieXRlcyEhISE=");
        properties.put("hub.acknowledgement.secret", ProductionCredentialGuard.DEMO_ACKNOWLEDGEMENT_SECRET);
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment(properties, "prod"), new SpringApplication()))
                .hasMessageContaining("local-demo-1").hasMessageContaining("hub.acknowledgement.secret");
    }

    @Test
    void prodRefusesAUserWithADemoPasswordWhateverItsName() {
        Map<String, Object> properties = realCredentials();
        properties.put("hub.security.users[0].username", "j.smith");
        properties.put("hub.security.users[0].password-bcrypt", "$2a$12$G9ib48uHrK4y5HPhfEMYMOFeFZuLhXttrcYu.bsEOfRin3y9npTLu");
        properties.put("hub.security.users[0].role", "PARTNERSHIP");
        properties.put("hub.security.users[0].scope", "E08000028");
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment(properties, "prod"), new SpringApplication()))
                .hasMessageContaining("user 'j.smith' has a demo password");
    }

    @Test
    void theLocalProfileIsNotChecked() {
        Map<String, Object> properties = realCredentials();
        properties.put("hub.acknowledgement.secret", ProductionCredentialGuard.DEMO_ACKNOWLEDGEMENT_SECRET);
        assertThatCode(() -> guard.postProcessEnvironment(environment(properties), new SpringApplication()))
                .doesNotThrowAnyException();
    }
}
