package uk.gov.safeguarding.hub.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubIntegrationTest;
import uk.gov.safeguarding.hub.support.Notifications;
import uk.gov.safeguarding.hub.support.RestartablePostgres;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While the database is down the hub cannot count a delivery's attempts, so the broker itself gives up after
 * {@code hub.delivery.broker-max-attempts} and moves the message to the dead-letter queue. Once the database is
 * back the hub records those dead letters, once, so that the deliveries say DEAD_LETTERED as the console does,
 * and operations can retry them.
 */
@HubIntegrationTest
class BrokerDeadLetterReconciliationTest {

    private static final RestartablePostgres DATABASE =
            new RestartablePostgres(HubDataDir.create("broker-dead-letters-postgres").resolve("pg"));
    private static final int BROKER_MAX_ATTEMPTS = 3;

    static {
        DATABASE.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("broker-dead-letters").toString());
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "500");
        registry.add("hub.delivery.max-attempts", () -> 2);
        registry.add("hub.delivery.broker-max-attempts", () -> BROKER_MAX_ATTEMPTS);
        registry.add("hub.delivery.initial-backoff", () -> "100ms");
        registry.add("hub.dead-letter.reconcile-interval-millis", () -> 500);
    }

    @AfterAll
    static void stopDatabase() {
        DATABASE.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    DeadLetterQueue deadLetters;

    @Test
    void deliveriesTheBrokerGaveUpOnWhileTheDatabaseWasDownAreRecordedOnceAndCanBeRetried() throws Exception {
        Api api = new Api(port);
        camel.getRouteController().stopRoute("delivery");
        String id = api.post("/api/v1/notifications", Notifications.seriousIncident("SCT-BROKER-DL-1"), Api.TRUST_KEY)
                .body().get("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> queue("hub.delivery").getMessageCount() == 4);

        DATABASE.stop();
        camel.getRouteController().startRoute("delivery");
        await().atMost(Duration.ofSeconds(30)).until(() -> queue("hub.dead-letter").getMessageCount() == 4);
        assertThat(queue("hub.delivery").getMessageCount()).isZero();
        DATABASE.start();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deliveries(api, id))
                .hasSize(4).allSatisfy(d -> assertThat(d.get("state").asText()).isEqualTo("DEAD_LETTERED")));
        assertThat(deadLetteredAuditEntries(api, id)).hasSize(4)
                .allSatisfy(detail -> assertThat(detail).contains("The broker gave up on this message from hub.delivery"));

        assertThat(deadLetters.recordBrokerDeadLetters()).as("each is reconciled once, not on every tick").isZero();
        assertThat(queue("hub.dead-letter").getMessageCount()).as("the dead letters stay on the queue").isEqualTo(4);
        assertThat(deadLetteredAuditEntries(api, id)).as("recording again changes nothing").hasSize(4);

        JsonNode listed = api.get("/api/v1/dead-letters", Api.OPS_KEY).body().get("items").get(0);
        assertThat(listed.get("causeType").asText()).isEqualTo(DeadLetterQueue.BROKER_GAVE_UP);
        assertThat(api.post("/api/v1/dead-letters/" + listed.get("id").asText() + "/retry", "", Api.OPS_KEY).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deliveries(api, id))
                .filteredOn(d -> d.get("recipient").asText().equals(listed.get("recipient").asText()))
                .singleElement().satisfies(d -> assertThat(d.get("state").asText()).isEqualTo("SENT")));
    }

    private Queue queue(String name) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(name));
    }

    private static List<JsonNode> deliveries(Api api, String id) {
        return notificationPart(api, id, "deliveries");
    }

    private static List<String> deadLetteredAuditEntries(Api api, String id) {
        return notificationPart(api, id, "audit").stream()
                .filter(entry -> entry.get("event").asText().equals("DEAD_LETTERED"))
                .map(entry -> entry.get("detail").asText()).toList();
    }

    /** Empty while the hub answers 503 (its database pool is still reconnecting). */
    private static List<JsonNode> notificationPart(Api api, String id, String part) {
        Api.Response view = api.get("/api/v1/notifications/" + id, Api.OPS_KEY);
        return view.status() == 200 ? StreamSupport.stream(view.body().get(part).spliterator(), false).toList() : List.of();
    }
}
