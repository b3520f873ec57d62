package uk.gov.safeguarding.hub.security;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
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
        properties.put("hub.acknowledgement.secret", "a-real-secret-from-the-vault-of-at-least-32-bytes");
        properties.put("hub.public-base-url", "https://sin-hub.example.gov.uk");
        properties.put("spring.mail.host", "smtp.example.gov.uk");
        properties.put("spring.datasource.url", "jdbc:postgresql://db.example.gov.uk/hub");
        properties.put("spring.datasource.username", "hub_runtime");
        properties.put("spring.flyway.user", "hub_owner");
        return properties;
    }

    @Test
    void prodStartsWithRealCredentials() {
        assertThatCode(startingInProd(realCredentials()))
                .doesNotThrowAnyException();
    }

    @Test
    void prodRefusesADemoApiKey() {
        Map<String, Object> properties = realCredentials();
        properties.put("hub.security.api-keys[0].key-sha256[1]", ProductionCredentialGuard.DEMO_KEY_HASHES.iterator().next());
        assertThatThrownBy(startingInProd(properties))
                .hasMessageContaining("trust-e08000028");
    }

    @Test
    void prodRefusesTheDemoChildDataKeyAndAcknowledgementSecret() {
        Map<String, Object> properties = realCredentials();
        properties.put("hub.child-data.keys.local-demo-1", ProductionCredentialGuard.DEMO_CHILD_DATA_KEY);
        properties.put("hub.acknowledgement.secret", ProductionCredentialGuard.DEMO_ACKNOWLEDGEMENT_SECRET);
        assertThatThrownBy(startingInProd(properties))
                .hasMessageContaining("local-demo-1").hasMessageContaining("hub.acknowledgement.secret");
    }

    @Test
    void prodRefusesAUserWithADemoPasswordWhateverItsName() {
        Map<String, Object> properties = realCredentials();
        properties.put("hub.security.users[0].username", "j.smith");
        properties.put("hub.security.users[0].password-bcrypt", "$2a$12$G9ib48uHrK4y5HPhfEMYMOFeFZuLhXttrcYu.bsEOfRin3y9npTLu");
        properties.put("hub.security.users[0].role", "PARTNERSHIP");
        properties.put("hub.security.users[0].scope", "E08000028");
        assertThatThrownBy(startingInProd(properties))
                .hasMessageContaining("user 'j.smith' has a demo password");
    }

    @Test
    void prodListsEveryProblemOfItsConfigurationAtOnce() {
        Map<String, Object> properties = realCredentials();
        properties.put("hub.public-base-url", "http://sin-hub.example.gov.uk");
        properties.remove("spring.mail.host");
        properties.put("hub.acknowledgement.secret", "sixteen-bytes-ok");
        properties.put("hub.child-data.keys.2026-12", ProductionCredentialGuard.DEMO_CHILD_DATA_KEY);
        properties.put("hub.recipients.OFSTED.webhook.url", "http://ofsted.example.org/hook");
        properties.put("hub.recipients.OFSTED.webhook.secret", "short");
        properties.put("hub.authorities.E08000028.partnership.webhook.url", "https://partnership.example.org/hook");
        properties.put("hub.authorities.E08000028.partnership.webhook.secret", "also-short");
        properties.put("hub.security.api-keys[1].client", "trust-copy");
        properties.put("hub.security.api-keys[1].role", "TRUST");
        properties.put("hub.security.api-keys[1].scope", "E08000028");
        properties.put("hub.security.api-keys[1].key-sha256[0]", "AA".repeat(32));
        properties.put("hub.security.console-users[0].username", "ops.lead");
        properties.put("spring.flyway.user", "hub_runtime");

        assertThatThrownBy(startingInProd(properties))
                .hasMessageContaining("hub.public-base-url must be an https:// address")
                .hasMessageContaining("spring.mail.host is not set")
                .hasMessageContaining("hub.acknowledgement.secret must be at least 32 bytes")
                .hasMessageContaining("hub.child-data.keys.2026-12 is the local demo key")
                .hasMessageContaining("hub.recipients.OFSTED.webhook.url must be https://")
                .hasMessageContaining("hub.recipients.OFSTED.webhook.secret must be at least 32 bytes")
                .hasMessageContaining("hub.authorities.E08000028.partnership.webhook.secret must be at least 32 bytes")
                .hasMessageContaining("listed twice (clients 'trust-e08000028' and 'trust-copy')")
                .hasMessageContaining("hub.security.console-users is no longer read")
                .hasMessageContaining("the hub must not run as the database owner")
                .hasMessageContaining("10 problem(s)");
    }

    @Test
    void prodRefusesToRunAsTheOwnerOfItsTables() {
        Map<String, Object> properties = realCredentials();
        properties.remove("spring.flyway.user");
        assertThatThrownBy(startingInProd(properties))
                .hasMessageContaining("the hub must not run as the database owner");
    }

    @Test
    void prodNamesAnUnsetDatabaseVariableAmongItsProblems() {
        Map<String, Object> properties = realCredentials();
        properties.put("spring.datasource.username", "${HUB_DATABASE_USERNAME}");
        properties.put("hub.public-base-url", "http://sin-hub.example.gov.uk");
        assertThatThrownBy(startingInProd(properties))
                .hasMessageContaining("spring.datasource.username is not set: set HUB_DATABASE_USERNAME")
                .hasMessageContaining("hub.public-base-url must be an https:// address");
    }

    @Test
    void anOutboxInProductionIsAllowedWhenTheOperatorSaysSo() {
        Map<String, Object> properties = realCredentials();
        properties.remove("spring.mail.host");
        properties.put("hub.mail.outbox-in-production", "true");
        assertThatCode(startingInProd(properties))
                .doesNotThrowAnyException();
    }

    @Test
    void whileDemoCredentialsAreActiveTheHubListensOnLoopbackOnly() {
        Map<String, Object> properties = realCredentials();
        properties.put("hub.security.demo-credentials", "true");
        properties.put("server.address", "0.0.0.0");
        StandardEnvironment local = environment(properties);
        guard.postProcessEnvironment(local, new SpringApplication());
        assertThat(local.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void theLocalProfileIsNotChecked() {
        Map<String, Object> properties = realCredentials();
        properties.put("hub.acknowledgement.secret", ProductionCredentialGuard.DEMO_ACKNOWLEDGEMENT_SECRET);
        assertThatCode(() -> guard.postProcessEnvironment(environment(properties), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    /** The guard run as the hub starts with the prod profile and these properties. */
    private ThrowingCallable startingInProd(Map<String, Object> properties) {
        return () -> guard.postProcessEnvironment(environment(properties, "prod"), new SpringApplication());
    }
}
