package uk.gov.safeguarding.hub.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.FlakyEndpoint;
import uk.gov.safeguarding.hub.support.FreePort;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubIntegrationTest;
import uk.gov.safeguarding.hub.support.Mails;
import uk.gov.safeguarding.hub.support.Notifications;
import uk.gov.safeguarding.hub.support.Smtp;
import uk.gov.safeguarding.hub.support.WebhookReceiver;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The review stage through the hub (SPEC §11): each step reaches its recipients through the same outbox, broker,
 * retries, acknowledgement link, dead-letter path and audit as a notification, by email (a real SMTP server) and
 * signed webhook (real receivers); the RAPID_REVIEW clock is met only once the outcome has reached the Panel.
 */
@HubIntegrationTest
class ReviewStageIntegrationTest {

    private static final int SMTP_PORT = FreePort.find();
    @RegisterExtension
    static final GreenMailExtension SMTP = Smtp.server(SMTP_PORT);
    private static final WebhookReceiver PANEL_HOOK = new WebhookReceiver("panel-webhook-secret");
    private static final WebhookReceiver PARTNERSHIP_HOOK = new WebhookReceiver("partnership-webhook-secret");
    private static final FlakyEndpoint SECRETARY_OF_STATE_HOOK = new FlakyEndpoint(100);
    private static final String PANEL_KEY = "local-national_panel-key";


    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("review-stage").toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("hub.recipients.NATIONAL_PANEL.webhook.url", PANEL_HOOK::url);
        registry.add("hub.recipients.NATIONAL_PANEL.webhook.secret", PANEL_HOOK::secret);
        registry.add("hub.authorities.E08000028.partnership.webhook.url", PARTNERSHIP_HOOK::url);
        registry.add("hub.authorities.E08000028.partnership.webhook.secret", PARTNERSHIP_HOOK::secret);
        registry.add("hub.recipients.SECRETARY_OF_STATE.webhook.url", SECRETARY_OF_STATE_HOOK::url);
        registry.add("hub.recipients.SECRETARY_OF_STATE.webhook.secret", () -> "sos-webhook-secret");
        registry.add("hub.delivery.max-attempts", () -> 2);
        registry.add("hub.delivery.initial-backoff", () -> "100ms");
    }

    @AfterAll
    static void stopServers() {
        PANEL_HOOK.close();
        PARTNERSHIP_HOOK.close();
        SECRETARY_OF_STATE_HOOK.close();
    }

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void theRapidReviewOutcomeReachesThePanelAndOnlyThenMeetsItsClock() throws Exception {
        String id = notifyAndAwaitDelivery("SCT-REVIEW-OUTCOME");
        String path = "/api/v1/notifications/" + id;

        Api.Response recorded = api.post(path + "/rapid-review", Map.of("decidedOn", Notifications.today().toString(),
                "decision", "NO_LCSPR"), Api.PARTNERSHIP_KEY);

        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.body().get("decision").asText()).isEqualTo("NO_LCSPR");
        assertThat(recorded.body().at("/clocks/RAPID_REVIEW/state").asText()).isEqualTo("RUNNING");
        await().atMost(Duration.ofSeconds(20)).until(() -> "MET".equals(review(path).at("/clocks/RAPID_REVIEW/state").asText()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(deliveryStates(id, "RAPID_REVIEW_OUTCOME")).hasSize(2).containsOnly("SENT"));

        MimeMessage email = emailsAbout("SCT-REVIEW-OUTCOME", "Rapid review outcome").get(0);
        assertThat(Mails.addressees(email)).containsExactly("mailbox@nationalpanel.example.org");
        assertThat(Mails.subject(email)).contains("Sandwell (E08000028)").contains("no LCSPR");
        assertThat(GreenMailUtil.getWholeMessage(email)).contains("/acknowledgements/").doesNotContain("Quillfeather");
        JsonNode hook = webhook(PANEL_HOOK, id, "rapid-review-outcome");
        assertThat(hook.at("/reviewStage/decision").asText()).isEqualTo("NO_LCSPR");
        assertThat(hook.get("children")).isEmpty();

        List<String> events = auditEvents(id);
        int recordedAt = events.indexOf("RAPID_REVIEW_RECORDED");
        int metAt = events.indexOf("CLOCK_MET");
        assertThat(recordedAt).isNotNegative();
        assertThat(events.subList(recordedAt, metAt)).as("met once the outcome was sent, not when it was recorded").contains("SENT");

        // the outcome's own acknowledgement link: acknowledges the outcome, not the notification
        String link = Mails.text(email).lines().filter(l -> l.startsWith("http") && l.contains("/acknowledgements/"))
                .findFirst().orElseThrow().trim().replaceFirst("http://localhost:\\d+", "");
        assertThat(api.getText(link, null).text()).contains("rapid review outcome").contains("Confirm receipt");
        assertThat(api.postText(link, null).status()).isEqualTo(200);
        assertThat(deliveryStates(id, "RAPID_REVIEW_OUTCOME")).contains("ACKNOWLEDGED");
        assertThat(api.get(path, Api.OPS_KEY).body().at("/clocks/0/state").asText()).as("NOTIFICATION").isEqualTo("RUNNING");
    }

    @Test
    void thePanelsResponseReachesTheAuthoritysPartnership() throws Exception {
        String id = notifyAndAwaitDelivery("SCT-REVIEW-PANEL");
        String path = "/api/v1/notifications/" + id;
        assertThat(api.post(path + "/panel-response", Map.of("respondedOn", Notifications.today().toString(),
                "concurs", true), PANEL_KEY).status()).as("nothing to respond to yet").isEqualTo(409);
        api.post(path + "/rapid-review", Map.of("decidedOn", Notifications.today().toString(), "decision", "LCSPR"), Api.TRUST_KEY);
        Map<String, Object> response = Map.of("respondedOn", Notifications.today().toString(), "concurs", false,
                "comment", "The Panel would like the review to consider the health visiting service.");

        assertThat(api.post(path + "/panel-response", response, Api.PARTNERSHIP_KEY).status()).isEqualTo(403);
        assertThat(api.post(path + "/panel-response", response, "local-ofsted-key").status()).isEqualTo(403);
        Api.Response recorded = api.post(path + "/panel-response", response, PANEL_KEY);
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.body().at("/panelResponse/concurs").asBoolean()).isFalse();
        assertThat(api.post(path + "/panel-response", response, PANEL_KEY).status()).as("the same again").isEqualTo(200);
        assertThat(api.post(path + "/panel-response", Map.of("respondedOn", Notifications.today().toString(),
                "concurs", true), PANEL_KEY).status()).as("a different response").isEqualTo(409);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(deliveryStates(id, "PANEL_RESPONSE")).hasSize(2).containsOnly("SENT"));
        MimeMessage email = emailsAbout("SCT-REVIEW-PANEL", "National Panel's response").get(0);
        assertThat(Mails.addressees(email)).containsExactly("safeguarding.partnership@sandwell.example.org");
        assertThat(GreenMailUtil.getWholeMessage(email)).contains("does not concur").doesNotContain("health visiting");
        JsonNode hook = webhook(PARTNERSHIP_HOOK, id, "panel-response");
        assertThat(hook.at("/reviewStage/panelComment").asText()).contains("health visiting");
        assertThat(auditEvents(id)).contains("PANEL_RESPONSE_RECORDED");
    }

    @Test
    void aLateNoticeOfPublicationIsDeliveredAndADeadLetteredCopyIsRetried() {
        String id = notifyAndAwaitDelivery("SCT-REVIEW-PLAN");
        String path = "/api/v1/notifications/" + id;
        String plannedOn = Notifications.today().plusDays(3).toString();
        assertThat(api.post(path + "/publication-plan", Map.of("plannedOn", plannedOn), Api.TRUST_KEY).status())
                .as("no LCSPR decided yet").isEqualTo(409);
        api.post(path + "/rapid-review", Map.of("decidedOn", Notifications.today().toString(), "decision", "LCSPR"), Api.TRUST_KEY);
        assertThat(api.post(path + "/publication-plan", Map.of("plannedOn", Notifications.today().minusDays(1).toString()),
                Api.TRUST_KEY).status()).as("before the decision").isEqualTo(400);

        Api.Response planned = api.post(path + "/publication-plan", Map.of("plannedOn", plannedOn), Api.TRUST_KEY);

        assertThat(planned.status()).isEqualTo(200);
        assertThat(planned.body().get("plannedOn").asText()).isEqualTo(plannedOn);
        assertThat(planned.body().get("late").asBoolean()).as("3 calendar days is fewer than 7 working days").isTrue();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(emailsAbout("SCT-REVIEW-PLAN", "LCSPR publication planned"))
                .flatExtracting(Mails::addressees)
                .containsExactlyInAnyOrder("mailbox@nationalpanel.example.org", "looked-after-deaths@dfe.example.org"));
        assertThat(Mails.subject(emailsAbout("SCT-REVIEW-PLAN", "LCSPR publication planned").get(0))).contains("LATE NOTICE");

        // the Secretary of State's webhook refuses (500) until its attempts are spent, then accepts a retry
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveryStates(id, "PUBLICATION_NOTICE").contains("DEAD_LETTERED"));
        JsonNode deadLetter = StreamSupport.stream(api.get("/api/v1/dead-letters", Api.OPS_KEY).body().get("items").spliterator(), false)
                .filter(i -> id.equals(i.get("notificationId").asText())).findFirst().orElseThrow();
        assertThat(deadLetter.get("recipient").asText()).contains("SECRETARY_OF_STATE").contains("publication");
        SECRETARY_OF_STATE_HOOK.mode(FlakyEndpoint.Mode.ACCEPT);
        assertThat(api.post("/api/v1/dead-letters/" + deadLetter.get("id").asText() + "/retry", "", Api.OPS_KEY).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(deliveryStates(id, "PUBLICATION_NOTICE")).hasSize(4).containsOnly("SENT"));
        assertThat(auditEvents(id)).contains("PUBLICATION_PLANNED", "DEAD_LETTERED", "RETRIED");
    }

    @Test
    void eachStepRefusesBadDatesAndStepsOutOfOrderAndChangesNothing() {
        String id = notifyAndAwaitDelivery("SCT-REVIEW-REFUSALS");
        String path = "/api/v1/notifications/" + id;
        String today = Notifications.today().toString();
        String tomorrow = Notifications.today().plusDays(1).toString();
        int before = auditEvents(id).size();

        assertThat(api.post(path + "/rapid-review", Map.of("decidedOn", tomorrow, "decision", "LCSPR"), Api.TRUST_KEY).status()).isEqualTo(400);
        assertThat(api.post(path + "/rapid-review", Map.of("decision", "LCSPR"), Api.TRUST_KEY).status()).isEqualTo(400);
        assertThat(api.post(path + "/rapid-review", Map.of("decidedOn", "2020-01-01", "decision", "LCSPR"), Api.TRUST_KEY).status())
                .as("before the authority was aware").isEqualTo(400);
        assertThat(api.post(path + "/publication-embargo", Map.of("since", today, "reason", "CORONER"), Api.TRUST_KEY).status())
                .as("no LCSPR decided").isEqualTo(409);
        assertThat(api.post(path + "/publication-embargo/lift", Map.of("liftedOn", today), Api.TRUST_KEY).status()).isEqualTo(409);
        assertThat(api.post(path + "/publication", Map.of("publishedOn", today), Api.TRUST_KEY).status()).isEqualTo(409);
        assertThat(api.post(path + "/publication-plan", Map.of("plannedOn", today), Api.BIRMINGHAM_TRUST_KEY).status()).isEqualTo(404);
        assertThat(auditEvents(id)).hasSize(before);

        api.post(path + "/rapid-review", Map.of("decidedOn", today, "decision", "LCSPR"), Api.TRUST_KEY);
        assertThat(api.post(path + "/publication-embargo", Map.of("since", tomorrow, "reason", "CORONER"), Api.TRUST_KEY).status()).isEqualTo(400);
        assertThat(api.post(path + "/publication-embargo", Map.of("since", today, "reason", "POLICE"), Api.TRUST_KEY).status()).isEqualTo(400);
        assertThat(api.post(path + "/publication-embargo", Map.of("since", today, "reason", "CORONER"), Api.TRUST_KEY).status()).isEqualTo(200);
        assertThat(api.post(path + "/publication-embargo", Map.of("since", today, "reason", "OTHER"), Api.TRUST_KEY).status())
                .as("embargoed differently").isEqualTo(409);
        assertThat(api.post(path + "/publication", Map.of("publishedOn", today), Api.TRUST_KEY).status())
                .as("published while embargoed").isEqualTo(409);
        assertThat(api.post(path + "/publication-embargo/lift", Map.of("liftedOn", tomorrow), Api.TRUST_KEY).status()).isEqualTo(400);
        Api.Response lifted = api.post(path + "/publication-embargo/lift", Map.of("liftedOn", today), Api.PARTNERSHIP_KEY);
        assertThat(lifted.status()).isEqualTo(200);
        assertThat(lifted.body().at("/embargoes/0/liftedOn").asText()).isEqualTo(today);
        assertThat(lifted.body().at("/clocks/LCSPR_PUBLICATION/state").asText()).isEqualTo("RUNNING");
        assertThat(api.post(path + "/publication", Map.of("publishedOn", today), Api.TRUST_KEY).status()).isEqualTo(200);
        assertThat(review(path).at("/clocks/LCSPR_PUBLICATION/state").asText()).isEqualTo("MET");
    }

    private String notifyAndAwaitDelivery(String reference) {
        Api.Response accepted = api.post("/api/v1/notifications", Notifications.seriousIncident(reference), Api.TRUST_KEY);
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deliveryStates(id, "NOTIFICATION"))
                .isNotEmpty().allMatch(s -> s.equals("SENT") || s.equals("DEAD_LETTERED")));
        return id;
    }

    private JsonNode review(String path) {
        return api.get(path + "/review", Api.TRUST_KEY).body();
    }

    private List<String> deliveryStates(String id, String kind) {
        return StreamSupport.stream(api.get("/api/v1/notifications/" + id, Api.OPS_KEY).body().get("deliveries").spliterator(), false)
                .filter(d -> d.get("kind").asText().equals(kind)).map(d -> d.get("state").asText()).toList();
    }

    private List<String> auditEvents(String id) {
        return StreamSupport.stream(api.get("/api/v1/notifications/" + id, Api.OPS_KEY).body().get("audit").spliterator(), false)
                .map(a -> a.get("event").asText()).toList();
    }

    private static List<MimeMessage> emailsAbout(String reference, String subject) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> Mails.subject(m).contains(reference) && Mails.subject(m).contains(subject)).toList();
    }

    private static JsonNode webhook(WebhookReceiver receiver, String notificationId, String event) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().stream()
                .anyMatch(h -> h.body().contains(notificationId) && h.body().contains("\"" + event + "\"")));
        WebhookReceiver.Received hook = receiver.received().stream()
                .filter(h -> h.body().contains(notificationId) && h.body().contains("\"" + event + "\"")).findFirst().orElseThrow();
        assertThat(hook.signatureValid()).isTrue();
        JsonNode body = new ObjectMapper().readTree(hook.body());
        assertThat(body.get("event").asText()).isEqualTo(event);
        return body;
    }
}
