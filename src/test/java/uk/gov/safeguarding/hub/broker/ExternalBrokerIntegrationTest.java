package uk.gov.safeguarding.hub.broker;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.ExternalArtemis;
import uk.gov.safeguarding.hub.support.FreePort;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubIntegrationTest;
import uk.gov.safeguarding.hub.support.Notifications;
import uk.gov.safeguarding.hub.support.Postgres;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production shape without Docker: the hub on PostgreSQL and on an external Artemis broker reached over TCP
 * (no embedded broker). The hub sets the broker up, fans out through it, and a webhook that keeps failing is
 * retried and dead-lettered on the external broker's dead-letter queue, listed for operations.
 */
@HubIntegrationTest
class ExternalBrokerIntegrationTest {

    private static final ExternalArtemis BROKER = ExternalArtemis.open();
    private static final int DFE_PORT = FreePort.find();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("external-broker").toString());
        Postgres.register(registry, "external_broker");
        registry.add("spring.artemis.mode", () -> "native");
        registry.add("spring.artemis.broker-url", BROKER::url);
        registry.add("spring.artemis.embedded.enabled", () -> false);
        registry.add("hub.recipients.DFE.webhook.url", () -> "http://127.0.0.1:" + DFE_PORT + "/hook");
        registry.add("hub.recipients.DFE.webhook.secret", () -> "external-broker-secret");
        registry.add("hub.delivery.max-attempts", () -> 2);
        registry.add("hub.delivery.initial-backoff", () -> "200ms");
    }

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @LocalServerPort
    int port;

    @Test
    void theHubFansOutAndDeadLettersThroughAnExternalBrokerItSetUpItself() {
        assertThat(BROKER.server().getAddressSettingsRepository().getMatch("hub.delivery").getRedeliveryDelay()).isEqualTo(200);

        Api api = new Api(port);
        String id = api.post("/api/v1/notifications", Notifications.seriousIncident("SCT-EXTERNAL-BROKER-1"), Api.TRUST_KEY)
                .body().get("id").asText();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> deliveries = StreamSupport.stream(api.get("/api/v1/notifications/" + id, Api.OPS_KEY).body()
                    .get("deliveries").spliterator(), false).toList();
            assertThat(deliveries).filteredOn(d -> d.get("channel").asText().equals("EMAIL"))
                    .hasSize(4).allSatisfy(d -> assertThat(d.get("state").asText()).isEqualTo("SENT"));
            assertThat(deliveries).filteredOn(d -> d.get("channel").asText().equals("WEBHOOK"))
                    .singleElement().satisfies(d -> {
                        assertThat(d.get("state").asText()).isEqualTo("DEAD_LETTERED");
                        assertThat(d.get("attempts").asInt()).isEqualTo(2);
                    });
        });
        assertThat(BROKER.server().locateQueue("hub.dead-letter").getMessageCount()).isEqualTo(1);
        JsonNode listed = api.get("/api/v1/dead-letters", Api.OPS_KEY).body().get("items").get(0);
        assertThat(listed.get("notificationId").asText()).isEqualTo(id);
        assertThat(listed.get("causeType").asText()).isEqualTo("java.net.ConnectException");
    }
}
