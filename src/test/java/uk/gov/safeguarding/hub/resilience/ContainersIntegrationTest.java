package uk.gov.safeguarding.hub.resilience;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.activemq.ArtemisContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubIntegrationTest;
import uk.gov.safeguarding.hub.support.Notifications;

import java.time.Duration;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production shape — PostgreSQL and an external Artemis broker — in containers, for machines with Docker.
 * Without a Docker engine (as on the project's CI machines) it is skipped; the rest of the suite runs on an
 * embedded PostgreSQL server instead.
 */
@Testcontainers(disabledWithoutDocker = true)
@HubIntegrationTest
class ContainersIntegrationTest {

    @Container
    @ServiceConnection
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:17");

    @Container
    @ServiceConnection
    static final ArtemisContainer ARTEMIS = new ArtemisContainer("apache/activemq-artemis:2.40.0-alpine");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("containers").toString());
        registry.add("spring.artemis.embedded.enabled", () -> false);
    }

    @LocalServerPort
    int port;

    @Test
    void aNotificationIsDeliveredThroughAnExternalBrokerAndPostgresql() {
        Api api = new Api(port);
        String id = api.post("/api/v1/notifications", Notifications.seriousIncident("SCT-CONTAINERS-1"), Api.TRUST_KEY)
                .body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(StreamSupport.stream(
                api.get("/api/v1/notifications/" + id, Api.TRUST_KEY).body().get("deliveries").spliterator(), false)
                .map(d -> d.get("state").asText())).hasSize(4).allMatch("SENT"::equals));
    }
}
