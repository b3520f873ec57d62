package uk.gov.safeguarding.hub.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.FreePort;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubIntegrationTest;
import uk.gov.safeguarding.hub.support.Mails;
import uk.gov.safeguarding.hub.support.MovableClock;
import uk.gov.safeguarding.hub.support.MovableClockConfiguration;
import uk.gov.safeguarding.hub.support.Notifications;
import uk.gov.safeguarding.hub.support.Postgres;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An escalation goes through the broker like any delivery: while the mail server is down its attempts are spent
 * and it is dead-lettered, listed for operations without child data; a retry once the server is back fires it,
 * once.
 */
@HubIntegrationTest
@Import(MovableClockConfiguration.class)
class EscalationDeadLetterTest {

    private static final ServerSetup SMTP_SETUP = new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static final String OFFICER = "partnership.officer@sandwell.example.org";
    private static GreenMail smtp = new GreenMail(SMTP_SETUP);

    static {
        smtp.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("escalation-dead-letter").toString());
        Postgres.register(registry, "escalation_dead_letter");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP_SETUP::getPort);
        registry.add("hub.escalation.poll-interval-millis", () -> 100);
        registry.add("hub.delivery.max-attempts", () -> 2);
        registry.add("hub.delivery.initial-backoff", () -> "100ms");
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;

    @Test
    void anEscalationThatCannotBeSentIsDeadLetteredAndARetryFiresItOnce() {
        clock.set("2026-11-20T10:00:00Z");
        Api api = new Api(port);
        String id = notifiedAndDelivered(api);

        smtp.stop();
        clock.set("2026-11-24T09:00:01Z");
        JsonNode deadLetter = await().atMost(Duration.ofSeconds(20)).until(() -> escalationDeadLetter(api, id), d -> d != null);

        assertThat(deadLetter.get("recipient").asText()).isEqualTo("ESCALATION NOTIFICATION -2WD");
        assertThat(deadLetter.get("channel").asText()).isEqualTo("EMAIL");
        assertThat(deadLetter.get("attempts").asInt()).isEqualTo(2);
        assertThat(deadLetter.toString()).doesNotContain(Notifications.CHILD_NAME);
        JsonNode view = api.get("/api/v1/notifications/" + id, Api.TRUST_KEY).body();
        assertThat(view.get("escalations")).isEmpty();
        assertThat(auditEvents(view)).contains("FAILED", "DEAD_LETTERED");

        smtp = new GreenMail(SMTP_SETUP);
        smtp.start();
        assertThat(api.post("/api/v1/dead-letters/" + deadLetter.get("id").asText() + "/retry", "", Api.OPS_KEY).status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> escalationEmails().size() == 1);
        MimeMessage email = escalationEmails().get(0);
        assertThat(Mails.addressees(email)).containsExactly(OFFICER);
        assertThat(Mails.subject(email)).contains("SCT-ESC-DEAD-LETTER");
        JsonNode fired = api.get("/api/v1/notifications/" + id, Api.TRUST_KEY).body();
        assertThat(fired.get("escalations")).singleElement().satisfies(e -> assertThat(e.get("rung").asText()).isEqualTo("-2WD"));
        assertThat(auditEvents(fired)).contains("RETRIED", "ESCALATED");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> escalationEmails().size() == 1);
    }

    private String notifiedAndDelivered(Api api) {
        ObjectNode body = Notifications.seriousIncident("SCT-ESC-DEAD-LETTER");
        ((ObjectNode) body.get("incident")).put("occurredOn", "2026-11-18").put("awareOn", "2026-11-19");
        ((ObjectNode) body.get("children").get(0)).put("dateOfBirth", "2026-09-01");
        String id = api.post("/api/v1/notifications", body, Api.TRUST_KEY).body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                StreamSupport.stream(api.get("/api/v1/notifications/" + id, Api.TRUST_KEY).body().get("deliveries").spliterator(), false)
                        .map(d -> d.get("state").asText())).isNotEmpty().allMatch("SENT"::equals));
        return id;
    }

    private static JsonNode escalationDeadLetter(Api api, String notificationId) {
        return StreamSupport.stream(api.get("/api/v1/dead-letters", Api.OPS_KEY).body().get("items").spliterator(), false)
                .filter(d -> d.get("kind").asText().equals("ESCALATION") && notificationId.equals(d.get("notificationId").asText()))
                .findFirst().orElse(null);
    }

    private static List<String> auditEvents(JsonNode view) {
        return StreamSupport.stream(view.get("audit").spliterator(), false).map(a -> a.get("event").asText()).toList();
    }

    private static List<MimeMessage> escalationEmails() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> Mails.messageId(m).startsWith("<escalation-")).toList();
    }
}
