package uk.gov.safeguarding.hub.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.jms.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.FreePort;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.Mails;
import uk.gov.safeguarding.hub.support.Postgres;
import uk.gov.safeguarding.hub.support.Notifications;
import uk.gov.safeguarding.hub.support.WebhookReceiver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fan-out through the real embedded broker to a real SMTP server (GreenMail) and real webhook endpoints: one
 * that verifies the signature, and one on a closed port whose delivery must end in the dead-letter queue.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed after the class, so that each context stops while its database and broker are still up
@DirtiesContext
class FanOutIntegrationTest {

    private static final GreenMail SMTP = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private static final WebhookReceiver PARTNERSHIP_HOOK = new WebhookReceiver("partnership-webhook-secret");
    private static final int CLOSED_PORT = FreePort.find();
    private static final int MAX_ATTEMPTS = 3;

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("fan-out").toString());
        Postgres.register(registry, "fan-out");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("hub.recipients.PARTNERSHIP.webhook.url", PARTNERSHIP_HOOK::url);
        registry.add("hub.recipients.PARTNERSHIP.webhook.secret", PARTNERSHIP_HOOK::secret);
        registry.add("hub.recipients.DFE.webhook.url", () -> "http://127.0.0.1:" + CLOSED_PORT + "/hook");
        registry.add("hub.recipients.DFE.webhook.secret", () -> "dfe-webhook-secret");
        registry.add("hub.delivery.max-attempts", () -> MAX_ATTEMPTS);
        registry.add("hub.delivery.initial-backoff", () -> "100ms");
        registry.add("hub.delivery.webhook-timeout", () -> "2s");
    }

    @AfterAll
    static void stopServers() {
        SMTP.stop();
        PARTNERSHIP_HOOK.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JmsTemplate jms;

    @Test
    void eachRecipientGetsAnEmailAndSignedWebhooksWhileARefusedWebhookIsDeadLetteredWithItsCause() throws Exception {
        // 4 emails + 1 good webhook + 3 attempts at the refused webhook
        NotifyBuilder allAttempts = new NotifyBuilder(camel).fromRoute("delivery").whenDone(4 + 1 + MAX_ATTEMPTS).create();
        Api api = new Api(port);
        String reference = "SCT-FANOUT-1";

        Api.Response accepted = api.post("/api/v1/notifications", Notifications.seriousIncident(reference), Api.TRUST_KEY);
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.body().get("id").asText();

        assertThat(allAttempts.matches(30, TimeUnit.SECONDS)).as("every delivery attempt was made").isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(states(api, id)).containsEntry("DFE/WEBHOOK", "DEAD_LETTERED"));
        Map<String, String> states = states(api, id);
        assertThat(states).containsEntry("NATIONAL_PANEL/EMAIL", "SENT").containsEntry("OFSTED/EMAIL", "SENT")
                .containsEntry("DFE/EMAIL", "SENT").containsEntry("PARTNERSHIP/EMAIL", "SENT")
                .containsEntry("PARTNERSHIP/WEBHOOK", "SENT").hasSize(6);

        MimeMessage[] emails = SMTP.getReceivedMessages();
        assertThat(emails).hasSize(4);
        for (MimeMessage email : emails) {
            String raw = GreenMailUtil.getWholeMessage(email);
            assertThat(email.getSubject()).contains(reference).contains("Death of a child");
            assertThat(email.getMessageID()).matches("<[0-9a-f-]{36}@sin-hub>");
            assertThat(raw).contains("/acknowledgements/").contains("text/html").contains("text/plain")
                    .doesNotContain("Quillfeather");
        }
        assertThat(Arrays.stream(emails).flatMap(e -> Mails.addressees(e).stream()).toList())
                .containsExactlyInAnyOrder("mailbox@nationalpanel.example.org", "enquiries@ofsted.example.org",
                        "sin.notifications@dfe.example.org", "safeguarding.partnership@council.example.org");

        assertThat(PARTNERSHIP_HOOK.received()).hasSize(1);
        WebhookReceiver.Received hook = PARTNERSHIP_HOOK.received().get(0);
        assertThat(hook.signatureValid()).isTrue();
        assertThat(hook.signature()).startsWith("sha256=");
        JsonNode payload = new ObjectMapper().readTree(hook.body());
        assertThat(payload.get("notificationId").asText()).isEqualTo(id);
        assertThat(payload.get("acknowledgementUrl").asText()).contains("/acknowledgements/");
        assertThat(hook.deliveryId()).isEqualTo(payload.get("deliveryId").asText());

        String deadDelivery = jdbc.sql("SELECT id FROM delivery WHERE notification_id = ? AND recipient = 'DFE' AND channel = 'WEBHOOK'")
                .param(id).query(String.class).single();
        assertThat(jdbc.sql("SELECT attempts FROM delivery WHERE id = ?").param(deadDelivery).query(Integer.class).single())
                .isEqualTo(MAX_ATTEMPTS);
        List<Message> deadLetters = jms.browse("hub.dead-letter", (session, browser) -> Collections.list(browser.getEnumeration()));
        assertThat(deadLetters).hasSize(1);
        Message deadLetter = deadLetters.get(0);
        assertThat(deadLetter.getStringProperty("hubDeliveryId")).isEqualTo(deadDelivery);
        assertThat(deadLetter.getStringProperty("hubFailureType")).isEqualTo("java.net.ConnectException");
        assertThat(deadLetter.getStringProperty("hubFailureCause")).contains("DFE by WEBHOOK").contains("attempt 3 of 3");
        assertThat(deadLetter.getStringProperty("hubFailedRoute")).isEqualTo("delivery");
        assertThat(deadLetter.getBody(String.class)).isEqualTo(deadDelivery);

        JsonNode audit = api.get("/api/v1/notifications/" + id, Api.TRUST_KEY).body().get("audit");
        List<String> events = StreamSupport.stream(audit.spliterator(), false).map(a -> a.get("event").asText()).toList();
        assertThat(events).filteredOn("FAILED"::equals).hasSize(MAX_ATTEMPTS);
        assertThat(events).contains("DEAD_LETTERED");
    }


    private static Map<String, String> states(Api api, String id) {
        JsonNode deliveries = api.get("/api/v1/notifications/" + id, Api.TRUST_KEY).body().get("deliveries");
        List<JsonNode> list = new ArrayList<>();
        deliveries.forEach(list::add);
        return list.stream().collect(Collectors.toMap(
                d -> d.get("recipient").asText() + "/" + d.get("channel").asText(), d -> d.get("state").asText()));
    }
}
