package uk.gov.safeguarding.hub.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.clock.StatutoryDeadlines;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.SharedHubIntegrationTest;
import uk.gov.safeguarding.hub.support.Notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The intake API end to end on embedded defaults: real broker, real database, emails written to the outbox.
 */
@SharedHubIntegrationTest
// closed after the class, so that each context stops while its database and broker are still up
class NotificationIntakeIntegrationTest {

    private static final Path DATA_DIR = SharedHubIntegrationTest.SharedHub.dataDir();
    private static final String POST = "/api/v1/notifications";


    @LocalServerPort
    int port;
    @Autowired
    StatutoryDeadlines deadlines;
    @Autowired
    JdbcClient jdbc;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private static String reference() {
        return "SCT-" + UUID.randomUUID();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "DEATH,        SUSPECTED,     NONE,                  DFE NATIONAL_PANEL OFSTED PARTNERSHIP",
            "SERIOUS_HARM, KNOWN,         CHILD_PROTECTION_PLAN, DFE NATIONAL_PANEL OFSTED PARTNERSHIP",
            "DEATH,        NOT_SUSPECTED, LOOKED_AFTER,          OFSTED PARTNERSHIP SECRETARY_OF_STATE",
            "DEATH,        KNOWN,         LOOKED_AFTER,          DFE NATIONAL_PANEL OFSTED PARTNERSHIP SECRETARY_OF_STATE",
            "SERIOUS_HARM, SUSPECTED,     LOOKED_AFTER,          DFE NATIONAL_PANEL OFSTED PARTNERSHIP"
    })
    void eachRoutingCaseIsAcceptedWithExactlyItsRecipientsAndEveryDeliveryIsSent(
            String type, String abuse, String legalStatus, String expectedRecipients) throws IOException {
        ObjectNode body = Notifications.withCase(reference(), type, abuse, legalStatus);

        Api.Response accepted = api.post(POST, body, Api.TRUST_KEY);

        assertThat(accepted.status()).isEqualTo(202);
        List<String> expected = List.of(expectedRecipients.split(" "));
        assertThat(texts(accepted.body().get("recipients"))).containsExactlyInAnyOrderElementsOf(expected);
        String id = accepted.body().get("id").asText();
        assertThat(accepted.location()).hasValueSatisfying(l -> assertThat(l).endsWith(POST + "/" + id));
        assertThat(accepted.body().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.body().get("late").asBoolean()).isFalse();
        String awareOn = body.get("incident").get("awareOn").asText();
        assertThat(accepted.body().at("/deadlines/NOTIFICATION").asText()).isEqualTo(
                deadlines.deadline(ClockType.NOTIFICATION, java.time.LocalDate.parse(awareOn)).date().toString());

        JsonNode view = awaitAllSent(id, Api.TRUST_KEY);
        assertThat(view.get("deliveries")).hasSize(expected.size());
        for (JsonNode delivery : view.get("deliveries")) {
            assertThat(delivery.get("channel").asText()).isEqualTo("EMAIL");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            Path eml = DATA_DIR.resolve("outbox").resolve(deliveryId(id, delivery.get("recipient").asText()) + ".eml");
            String email = Files.readString(eml);
            assertThat(email).contains(body.get("trustReference").asText())
                    .contains("/acknowledgements/")
                    .contains("Message-ID: <")
                    .doesNotContain(Notifications.CHILD_NAME)
                    .doesNotContain("Quillfeather")
                    .doesNotContain(body.at("/children/0/dateOfBirth").asText());
        }
        assertThat(texts(view.get("audit"), "event")).contains("RECEIVED", "ROUTED", "CLOCK_STARTED", "SENT");
        assertThat(texts(view.get("clocks"), "clock")).contains("NOTIFICATION", "RAPID_REVIEW");
    }

    @Test
    void theSameReferenceAgainAnswers200WithTheSameIdAndNoSecondFanOut() {
        ObjectNode body = Notifications.seriousIncident(reference());
        Api.Response first = api.post(POST, body, Api.TRUST_KEY);
        String id = first.body().get("id").asText();
        awaitAllSent(id, Api.TRUST_KEY);

        Api.Response again = api.post(POST, body, Api.TRUST_KEY);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asText()).isEqualTo(id);
        // the repeat is answered from the stored notification, read with all its recipients in one query
        assertThat(again.body().get("recipients")).isEqualTo(first.body().get("recipients"));
        assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE notification_id = ?").param(id).query(Integer.class).single())
                .isEqualTo(4);
        assertThat(texts(api.get(POST + "/" + id, Api.TRUST_KEY).body().get("audit"), "event"))
                .filteredOn("SENT"::equals).hasSize(4);
    }

    @Test
    void theSameNotificationSentManyTimesAtOnceIsStoredOnceAndEveryAnswerNamesIt() {
        String reference = reference();
        ObjectNode body = Notifications.seriousIncident(reference);
        List<Api.Response> answers = api.postAtOnce(POST, body, Api.TRUST_KEY, 12);

        assertThat(answers).extracting(Api.Response::status).containsOnly(202, 200).filteredOn(status -> status == 202).hasSize(1);
        assertThat(answers).extracting(answer -> answer.body().get("id").asText()).containsOnly(answers.get(0).body().get("id").asText());
        assertThat(notificationCount(reference)).isEqualTo(1);
        String id = answers.get(0).body().get("id").asText();
        awaitAllSent(id, Api.TRUST_KEY);
        assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE notification_id = ?").param(id).query(Integer.class).single())
                .isEqualTo(4);
        assertThat(texts(api.get(POST + "/" + id, Api.TRUST_KEY).body().get("audit"), "event"))
                .filteredOn("RECEIVED"::equals).hasSize(1);
    }

    @Test
    void theSameReferenceWithADifferentBodyIsAConflictAndChangesNothing() {
        String reference = reference();
        ObjectNode body = Notifications.seriousIncident(reference);
        String id = api.post(POST, body, Api.TRUST_KEY).body().get("id").asText();
        ((ObjectNode) body.get("incident")).put("summary", "A different account of the incident");

        Api.Response conflict = api.post(POST, body, Api.TRUST_KEY);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.body().get("detail").asText()).contains(id);
        assertThat(notificationCount(reference)).isEqualTo(1);
    }

    @Test
    void notNotifiableIsRefusedWith422SayingWhichCriterionFailedAndStoresNothing() {
        String reference = reference();
        Api.Response refused = api.post(POST, Notifications.withCase(reference, "SERIOUS_HARM", "NOT_SUSPECTED", "LOOKED_AFTER"),
                Api.TRUST_KEY);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asText()).contains("NOT_SUSPECTED").contains("SERIOUS_HARM");
        assertThat(notificationCount(reference)).isZero();
    }

    @Test
    void malformedOrIncompleteBodiesAre400WithFieldErrorsAndStoreNothing() {
        String reference = reference();
        List<ObjectNode> bad = new ArrayList<>();
        ObjectNode unknownField = Notifications.seriousIncident(reference);
        unknownField.put("trustRefrence", "typo");
        bad.add(unknownField);
        ObjectNode badEnum = Notifications.seriousIncident(reference);
        ((ObjectNode) badEnum.get("incident")).put("type", "INJURY");
        bad.add(badEnum);
        ObjectNode missing = Notifications.seriousIncident(reference);
        missing.remove("notifier");
        bad.add(missing);
        ObjectNode future = Notifications.seriousIncident(reference);
        ((ObjectNode) future.get("incident")).put("awareOn", Notifications.today().plusDays(1).toString());
        bad.add(future);
        ObjectNode fiveChildren = Notifications.seriousIncident(reference);
        for (int i = 0; i < 4; i++) {
            fiveChildren.withArray("children").add(fiveChildren.get("children").get(0).deepCopy());
        }
        bad.add(fiveChildren);
        ObjectNode wrongType = Notifications.seriousIncident(reference);
        ((ObjectNode) wrongType.get("children").get(0)).put("ageYears", "three");
        bad.add(wrongType);

        for (ObjectNode body : bad) {
            Api.Response response = api.post(POST, body, Api.TRUST_KEY);
            assertThat(response.status()).as(body.toString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().get("errors")).as(body.toString()).isNotEmpty();
        }
        assertThat(api.post(POST, "{\"trustReference\": ", Api.TRUST_KEY).status()).isEqualTo(400);
        assertThat(notificationCount(reference)).isZero();
    }

    @Test
    void anUnknownPathIsAProblem404() {
        Api.Response unknown = api.get("/no/such/page", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/no-such-endpoint", Api.TRUST_KEY).status()).isEqualTo(404);
    }

    @Test
    void requestsRefusedBeforeAnyControllerAreProblemsToo() throws Exception {
        Api.Response rejected = api.get("/api/v1/notifications/a;b", Api.OPS_KEY);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.body().get("status").asInt()).isEqualTo(400);
        assertThat(rejected.body().get("instance").asText()).isEqualTo("/api/v1/notifications/a;b");

        Api.Response forged = api.post("/console/dead-letters/x/retry", "", null);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(forged.text()).doesNotContain("Exception").doesNotContain("trace");

        HttpClient http = HttpClient.newHttpClient();
        List<HttpRequest> refusedByTheServer = List.of(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/notifications/a%2fb")).build(),
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/notifications/x"))
                        .header("X-Padding", "x".repeat(20_000)).build(),
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/notifications"))
                        .method("FOO", HttpRequest.BodyPublishers.noBody()).build());
        for (HttpRequest request : refusedByTheServer) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(request.toString()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(request.toString())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(request.toString()).contains("\"status\":400").doesNotContain("Tomcat");
        }
    }

    @Test
    void aBodyOverTheLimitIs413() {
        ObjectNode body = Notifications.seriousIncident(reference());
        ((ObjectNode) body.get("incident")).put("summary", "x".repeat(70_000));
        assertThat(api.post(POST, body, Api.TRUST_KEY).status()).isEqualTo(413);
    }

    @Test
    void aMissingOrWrongKeyIs401() {
        ObjectNode body = Notifications.seriousIncident(reference());
        assertThat(api.post(POST, body, null).status()).isEqualTo(401);
        Api.Response wrong = api.post(POST, body, "not-a-key");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aTrustMayNotNotifyForAnotherAuthorityAndAgenciesMayNotNotifyAtAll() {
        String reference = reference();
        ObjectNode otherAuthority = Notifications.seriousIncident(reference);
        otherAuthority.put("localAuthority", "E08000025");
        assertThat(api.post(POST, otherAuthority, Api.TRUST_KEY).status()).isEqualTo(403);
        assertThat(api.post(POST, otherAuthority, Api.PARTNERSHIP_KEY).status()).isEqualTo(403);
        assertThat(api.post(POST, Notifications.seriousIncident(reference), "local-ofsted-key").status()).isEqualTo(403);
        assertThat(notificationCount(reference)).isZero();
    }

    @Test
    void aNotificationForAnAuthorityTheHubDoesNotServeIsRefusedNamingLocalAuthority() {
        String reference = reference();
        ObjectNode unregistered = Notifications.seriousIncident(reference).put("localAuthority", "E09000001");

        Api.Response refused = api.post(POST, unregistered, Api.TRUST_KEY);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("localAuthority");
        assertThat(notificationCount(reference)).isZero();
    }

    @Test
    void aRecipientAgencyReadsItsNotificationAndANonRecipientCannot() {
        String id = api.post(POST, Notifications.seriousIncident(reference()), Api.TRUST_KEY).body().get("id").asText();

        assertThat(api.get(POST + "/" + id, "local-ofsted-key").status()).isEqualTo(200);
        assertThat(api.get(POST + "/" + id, Api.OPS_KEY).status()).isEqualTo(200);
        assertThat(api.get(POST + "/" + id, "local-secretary_of_state-key").status()).isEqualTo(404);
        assertThat(api.get(POST + "/" + UUID.randomUUID(), Api.TRUST_KEY).status()).isEqualTo(404);
        assertThat(api.get(POST + "/" + id, null).status()).isEqualTo(401);
        assertThat(api.get(POST + "/" + id, Api.TRUST_KEY).body().toString()).doesNotContain("Quillfeather");
    }

    @Test
    void aNotificationPostedAfterItsDeadlineIsAcceptedAndMarkedLate() {
        ObjectNode body = Notifications.seriousIncident(reference());
        ((ObjectNode) body.get("incident")).put("occurredOn", Notifications.today().minusDays(40).toString())
                .put("awareOn", Notifications.today().minusDays(30).toString());
        ((ObjectNode) body.get("children").get(0)).put("dateOfBirth", Notifications.today().minusYears(2).toString());

        Api.Response accepted = api.post(POST, body, Api.TRUST_KEY);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body().get("late").asBoolean()).isTrue();
        awaitAllSent(accepted.body().get("id").asText(), Api.TRUST_KEY);
    }

    private JsonNode awaitAllSent(String id, String key) {
        JsonNode[] view = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            view[0] = api.get(POST + "/" + id, key).body();
            assertThat(texts(view[0].get("deliveries"), "state")).isNotEmpty().allMatch("SENT"::equals);
        });
        return view[0];
    }

    private String deliveryId(String notificationId, String recipient) {
        return jdbc.sql("SELECT id FROM delivery WHERE notification_id = ? AND recipient = ? AND channel = 'EMAIL'")
                .params(notificationId, recipient).query(String.class).single();
    }

    private int notificationCount(String reference) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE trust_reference = ?").param(reference).query(Integer.class).single();
    }

    static List<String> texts(JsonNode array) {
        return Stream.of(array).flatMap(a -> java.util.stream.StreamSupport.stream(a.spliterator(), false)).map(JsonNode::asText).toList();
    }

    static List<String> texts(JsonNode array, String field) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
    }
}
