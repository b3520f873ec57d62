package uk.gov.safeguarding.hub.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.FreePort;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubIntegrationTest;
import uk.gov.safeguarding.hub.support.Postgres;
import uk.gov.safeguarding.hub.support.Notifications;
import uk.gov.safeguarding.hub.support.WebhookReceiver;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dead-letter API against the real Artemis dead-letter queue: webhooks pointing at closed ports are
 * dead-lettered after their attempts, listed for operations only without child data, discarded with a reason,
 * and retried — singly or as a group — once their endpoint is up.
 */
@HubIntegrationTest
// closed after the class, so that each context stops while its database and broker are still up
@AutoConfigureObservability(tracing = false)
class DeadLetterApiIntegrationTest {

    private static final int DFE_PORT = FreePort.find();
    private static final int PANEL_PORT = FreePort.find();
    private static final String SECRET = "dead-letter-test-secret";
    private static final int MAX_ATTEMPTS = 2;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("dead-letters").toString());
        Postgres.register(registry, "dead_letters");
        registry.add("hub.recipients.DFE.webhook.url", () -> "http://127.0.0.1:" + DFE_PORT + "/hook");
        registry.add("hub.recipients.DFE.webhook.secret", () -> SECRET);
        registry.add("hub.recipients.NATIONAL_PANEL.webhook.url", () -> "http://127.0.0.1:" + PANEL_PORT + "/hook");
        registry.add("hub.recipients.NATIONAL_PANEL.webhook.secret", () -> SECRET);
        registry.add("hub.delivery.max-attempts", () -> MAX_ATTEMPTS);
        registry.add("hub.delivery.initial-backoff", () -> "100ms");
        registry.add("hub.delivery.webhook-timeout", () -> "2s");
    }

    @LocalServerPort
    int port;
    Api api;

    @Autowired
    JmsTemplate jms;

    /** Flips when an instance is deserialised: the hub must never do that to what it finds on its queues. */
    static final AtomicBoolean DESERIALISED = new AtomicBoolean();

    static final class Planted implements Serializable {
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            DESERIALISED.set(true);
            in.defaultReadObject();
        }
    }

    @Test
    void anObjectMessageOnAHubQueueIsDeadLetteredUnreadAndCanOnlyBeDiscarded() {
        jms.send("hub.delivery", session -> session.createObjectMessage(new Planted()));

        JsonNode planted = await().atMost(Duration.ofSeconds(20)).until(() -> StreamSupport.stream(
                        api.get("/api/v1/dead-letters", Api.OPS_KEY).body().get("items").spliterator(), false)
                .filter(i -> i.get("subjectId").asText().startsWith("unread ")).findFirst().orElse(null), d -> d != null);

        assertThat(DESERIALISED).as("never deserialised").isFalse();
        assertThat(planted.get("cause").asText()).contains("Only text messages are read from hub.delivery");
        String id = planted.get("id").asText();
        assertThat(api.post("/api/v1/dead-letters/" + id + "/retry", "", Api.OPS_KEY).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/dead-letters/" + id + "/discard", Map.of("reason", "not ours"), Api.OPS_KEY).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/dead-letters/" + id, Api.OPS_KEY).status()).isEqualTo(404);
        assertThat(DESERIALISED).isFalse();
    }

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aRefusedWebhookIsDeadLetteredAfterItsAttemptsAndListedForOperationsOnlyWithoutChildData() {
        String id = notifyAndAwaitDeadLetters();

        JsonNode overview = api.get("/api/v1/dead-letters", Api.OPS_KEY).body();
        List<JsonNode> mine = items(overview, id);
        assertThat(mine).hasSize(2);
        JsonNode dfe = mine.stream().filter(d -> d.get("recipient").asText().equals("DFE")).findFirst().orElseThrow();
        assertThat(dfe.get("channel").asText()).isEqualTo("WEBHOOK");
        assertThat(dfe.get("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
        assertThat(dfe.get("route").asText()).isEqualTo("delivery");
        assertThat(dfe.get("causeType").asText()).isEqualTo("java.net.ConnectException");
        assertThat(dfe.get("failedAt").isNull()).isFalse();
        assertThat(overview.get("groups")).anySatisfy(g -> {
            assertThat(g.get("recipient").asText()).isEqualTo("DFE");
            assertThat(g.get("channel").asText()).isEqualTo("WEBHOOK");
            assertThat(g.get("count").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(g.get("firstFailedAt").isNull()).isFalse();
        });
        assertThat(overview.get("byCause")).isNotEmpty();
        assertThat(overview.get("byRecipientAndChannel")).isNotEmpty();
        assertThat(overview.toString()).doesNotContain("Quillfeather").doesNotContain("Infant found");

        JsonNode one = api.get("/api/v1/dead-letters/" + dfe.get("id").asText(), Api.OPS_KEY).body();
        assertThat(one.get("subjectId").asText()).isEqualTo(dfe.get("subjectId").asText());
        assertThat(api.get("/api/v1/dead-letters/" + UUID.randomUUID(), Api.OPS_KEY).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/dead-letters/'%20OR%201=1", Api.OPS_KEY).status()).isEqualTo(404);

        assertThat(api.get("/api/v1/dead-letters", Api.TRUST_KEY).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/dead-letters", "local-dfe-key").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/dead-letters", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/dead-letters/" + dfe.get("id").asText() + "/retry", "", Api.TRUST_KEY).status()).isEqualTo(403);
        assertThat(deliveryState(id, "DFE", "WEBHOOK")).isEqualTo("DEAD_LETTERED");
    }

    @Test
    void afterTheEndpointComesUpARetryMakesTheDeliverySentWithAValidSignature() {
        String id = notifyAndAwaitDeadLetters();
        JsonNode dfe = items(api.get("/api/v1/dead-letters", Api.OPS_KEY).body(), id).stream()
                .filter(d -> d.get("recipient").asText().equals("DFE")).findFirst().orElseThrow();

        try (WebhookReceiver endpoint = new WebhookReceiver(SECRET, DFE_PORT)) {
            Api.Response retried = api.post("/api/v1/dead-letters/" + dfe.get("id").asText() + "/retry", "", Api.OPS_KEY);

            assertThat(retried.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(15)).until(() -> deliveryState(id, "DFE", "WEBHOOK").equals("SENT"));
            assertThat(endpoint.received()).singleElement().satisfies(r -> assertThat(r.signatureValid()).isTrue());
        }
        assertThat(api.get("/api/v1/dead-letters/" + dfe.get("id").asText(), Api.OPS_KEY).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/dead-letters/" + dfe.get("id").asText() + "/retry", "", Api.OPS_KEY).status()).isEqualTo(404);
        assertThat(audit(id)).anySatisfy(a -> {
            assertThat(a.get("event").asText()).isEqualTo("RETRIED");
            assertThat(a.get("actor").asText()).isEqualTo("local-operations");
        });
    }

    @Test
    void aGroupRetryCoversTheGroupAsItStoodAndBringsEveryMemberBack() {
        String first = notifyAndAwaitDeadLetters();
        String second = notifyAndAwaitDeadLetters();
        JsonNode group = StreamSupport.stream(api.get("/api/v1/dead-letters", Api.OPS_KEY).body().get("groups").spliterator(), false)
                .filter(g -> g.get("recipient").asText().equals("NATIONAL_PANEL")).findFirst().orElseThrow();
        List<String> members = StreamSupport.stream(group.get("ids").spliterator(), false).map(JsonNode::asText).toList();
        assertThat(members).hasSizeGreaterThanOrEqualTo(2);

        try (WebhookReceiver endpoint = new WebhookReceiver(SECRET, PANEL_PORT)) {
            Api.Response retried = api.post("/api/v1/dead-letters/retry", Map.of("group", group.get("key").asText()), Api.OPS_KEY);

            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.body().get("requested").asInt()).isEqualTo(members.size());
            assertThat(StreamSupport.stream(retried.body().get("retried").spliterator(), false).map(JsonNode::asText))
                    .containsExactlyInAnyOrderElementsOf(members);
            await().atMost(Duration.ofSeconds(15)).until(() -> deliveryState(first, "NATIONAL_PANEL", "WEBHOOK").equals("SENT")
                    && deliveryState(second, "NATIONAL_PANEL", "WEBHOOK").equals("SENT"));
            assertThat(endpoint.received()).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        }
        assertThat(api.post("/api/v1/dead-letters/retry", Map.of("group", "no such group"), Api.OPS_KEY).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/dead-letters/retry", "{}", Api.OPS_KEY).status()).isEqualTo(400);
    }

    @Test
    void aDiscardNeedsAReasonAndIsAuditedWithItsActor() {
        String id = notifyAndAwaitDeadLetters();
        String deadLetter = items(api.get("/api/v1/dead-letters", Api.OPS_KEY).body(), id).stream()
                .filter(d -> d.get("recipient").asText().equals("DFE")).findFirst().orElseThrow().get("id").asText();

        assertThat(api.post("/api/v1/dead-letters/" + deadLetter + "/discard", "{}", Api.OPS_KEY).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/dead-letters/" + deadLetter + "/discard", Map.of("reason", " "), Api.OPS_KEY).status()).isEqualTo(400);
        assertThat(deliveryState(id, "DFE", "WEBHOOK")).isEqualTo("DEAD_LETTERED");

        Api.Response discarded = api.post("/api/v1/dead-letters/" + deadLetter + "/discard",
                Map.of("reason", "DfE confirmed receipt by phone"), Api.OPS_KEY);

        assertThat(discarded.status()).isEqualTo(200);
        assertThat(deliveryState(id, "DFE", "WEBHOOK")).isEqualTo("DISCARDED");
        assertThat(audit(id)).anySatisfy(a -> {
            assertThat(a.get("event").asText()).isEqualTo("DISCARDED");
            assertThat(a.get("actor").asText()).isEqualTo("local-operations");
            assertThat(a.get("detail").asText()).contains("DfE confirmed receipt by phone");
        });
        assertThat(api.post("/api/v1/dead-letters/" + deadLetter + "/discard", Map.of("reason", "again"), Api.OPS_KEY).status())
                .isEqualTo(404);
    }

    @Test
    void operationsSeeMetricsHealthAndTheApiDescription() {
        notifyAndAwaitDeadLetters();

        Api.Response metrics = api.getText("/actuator/prometheus", Api.OPS_KEY);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("hub_deliveries{recipient=\"DFE\",state=\"DEAD_LETTERED\"}")
                .contains("hub_dead_letters").contains("hub_attempts_failed_total");
        assertThat(api.getText("/actuator/prometheus", Api.TRUST_KEY).status()).isEqualTo(403);

        JsonNode health = api.get("/actuator/health", null).body();
        assertThat(health.at("/components/jms/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/mailOutbox/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/calendarCoverage/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/diskSpace/details").isMissingNode()).as("details are for operations only").isTrue();
        JsonNode detailed = api.get("/actuator/health", Api.OPS_KEY).body();
        assertThat(detailed.at("/components/calendarCoverage/details/coveredYears").asText()).isEqualTo("2018-2027");
        assertThat(detailed.at("/components/db/details/database").asText()).isNotEmpty();
        assertThat(api.get("/actuator/health", Api.TRUST_KEY).body().at("/components/db/details").isMissingNode()).isTrue();

        JsonNode openApi = api.get("/v3/api-docs", null).body();
        assertThat(openApi.get("paths").has("/api/v1/notifications")).isTrue();
        assertThat(openApi.get("paths").has("/api/v1/dead-letters/{id}/retry")).isTrue();
    }

    private String notifyAndAwaitDeadLetters() {
        Api.Response accepted = api.post("/api/v1/notifications", Notifications.seriousIncident("SCT-DL-" + UUID.randomUUID()), Api.TRUST_KEY);
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> items(api.get("/api/v1/dead-letters", Api.OPS_KEY).body(), id).size() == 2);
        return id;
    }

    private static List<JsonNode> items(JsonNode overview, String notificationId) {
        return StreamSupport.stream(overview.get("items").spliterator(), false)
                .filter(i -> notificationId.equals(i.get("notificationId").asText())).toList();
    }

    private String deliveryState(String id, String recipient, String channel) {
        return StreamSupport.stream(api.get("/api/v1/notifications/" + id, Api.OPS_KEY).body().get("deliveries").spliterator(), false)
                .filter(d -> d.get("recipient").asText().equals(recipient) && d.get("channel").asText().equals(channel))
                .findFirst().orElseThrow().get("state").asText();
    }

    private List<JsonNode> audit(String id) {
        return StreamSupport.stream(api.get("/api/v1/notifications/" + id, Api.OPS_KEY).body().get("audit").spliterator(), false).toList();
    }
}
