package uk.gov.safeguarding.hub.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.jms.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.FreePort;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubIntegrationTest;
import uk.gov.safeguarding.hub.support.Mails;
import uk.gov.safeguarding.hub.support.Postgres;
import uk.gov.safeguarding.hub.support.Smtp;
import uk.gov.safeguarding.hub.support.Notifications;
import uk.gov.safeguarding.hub.support.WebhookReceiver;
import uk.gov.safeguarding.hub.routing.Channel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

/**
 * Fan-out through the real embedded broker to a real SMTP server (GreenMail) and real webhook endpoints: each
 * authority's partnership has its own, which verifies the signature, and one on a closed port whose delivery must
 * end in the dead-letter queue.
 */
@CamelSpringBootTest
@HubIntegrationTest
// closed after the class, so that each context stops while its database and broker are still up
class FanOutIntegrationTest {

    private static final int SMTP_PORT = FreePort.find();
    @RegisterExtension
    static final GreenMailExtension SMTP = Smtp.server(SMTP_PORT);
    private static final WebhookReceiver PARTNERSHIP_HOOK = new WebhookReceiver("partnership-webhook-secret");
    private static final WebhookReceiver BIRMINGHAM_HOOK = new WebhookReceiver("birmingham-webhook-secret");
    private static final int CLOSED_PORT = FreePort.find();
    private static final int MAX_ATTEMPTS = 3;


    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("fan-out").toString());
        Postgres.register(registry, "fan-out");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("hub.authorities.E08000028.partnership.webhook.url", PARTNERSHIP_HOOK::url);
        registry.add("hub.authorities.E08000028.partnership.webhook.secret", PARTNERSHIP_HOOK::secret);
        registry.add("hub.authorities.E08000025.partnership.webhook.url", BIRMINGHAM_HOOK::url);
        registry.add("hub.authorities.E08000025.partnership.webhook.secret", BIRMINGHAM_HOOK::secret);
        registry.add("hub.recipients.DFE.webhook.url", () -> "http://127.0.0.1:" + CLOSED_PORT + "/hook");
        registry.add("hub.recipients.DFE.webhook.secret", () -> "dfe-webhook-secret");
        registry.add("hub.delivery.max-attempts", () -> MAX_ATTEMPTS);
        registry.add("hub.delivery.initial-backoff", () -> "100ms");
        registry.add("hub.delivery.webhook-timeout", () -> "2s");
    }

    @AfterAll
    static void stopServers() {
        PARTNERSHIP_HOOK.close();
        BIRMINGHAM_HOOK.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JmsTemplate jms;
    @Autowired
    DeliveryRepository deliveries;
    @Autowired
    Outbox outbox;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theDeliveryQueueIsConsumedOnItsOwnThreadsAtTheLowestPriority() {
        JmsEndpoint queue = (JmsEndpoint) camel.getRoute("delivery").getEndpoint();
        assertThat(queue.getTaskExecutor()).isSameAs(camel.getRegistry().lookupByName(DeliveryConsumerThreads.NAME))
                .isInstanceOfSatisfying(SimpleAsyncTaskExecutor.class,
                        threads -> assertThat(threads.getThreadPriority()).isEqualTo(Thread.MIN_PRIORITY));
        // at least this hub's four: a hub of another test class may still run in this JVM, its threads named alike
        List<Thread> consumers = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(DeliveryConsumerThreads.THREAD_NAME_PREFIX)).toList();
        assertThat(consumers).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(thread -> assertThat(thread.getPriority()).isEqualTo(Thread.MIN_PRIORITY));
    }

    @Test
    void markingDeliveriesPublishedSkipsARowAnotherTransactionHoldsRatherThanWaitingForIt() throws Exception {
        Api api = new Api(port);
        Api.Response accepted = api.post("/api/v1/notifications", Notifications.seriousIncident("SCT-FANOUT-LOCK"), Api.TRUST_KEY);
        String id = accepted.body().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(states(api, id)).containsEntry("OFSTED/EMAIL", "SENT").containsEntry("NATIONAL_PANEL/EMAIL", "SENT")
                        .containsEntry("DFE/WEBHOOK", "DEAD_LETTERED"));
        List<String> ids = deliveries.forNotification(id).stream().filter(d -> d.channel() == Channel.EMAIL)
                .map(DeliveryRepository.StoredDelivery::id).limit(2).toList();
        // as if just claimed and sent to the broker (a live claim keeps the relay off them)
        jdbc.sql("UPDATE delivery SET published_at = NULL, outbox_claimed_at = CURRENT_TIMESTAMP WHERE id IN (:ids)")
                .param("ids", ids).update();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            // as a shared commit recording the first delivery as sent holds its row
            jdbc.sql("SELECT id FROM delivery WHERE id = ? FOR UPDATE").param(ids.get(0)).query(String.class).single();
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> outbox.markPublished(ids));
        } finally {
            release.countDown();
            holder.join();
        }
        assertThat(jdbc.sql("SELECT id FROM delivery WHERE id IN (:ids) AND published_at IS NOT NULL").param("ids", ids)
                .query(String.class).list()).containsExactly(ids.get(1));
    }

    @Test
    void aDeliveryClaimedAtPlanningButNeverPublishedIsTakenOverOnceItsClaimIsStale() throws Exception {
        Api api = new Api(port);
        Api.Response accepted = api.post("/api/v1/notifications", Notifications.seriousIncident("SCT-FANOUT-STALE"), Api.TRUST_KEY);
        String id = accepted.body().get("id").asText();
        List<DeliveryRepository.StoredDelivery> planned = deliveries.forNotification(id);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE notification_id = ? AND outbox_claimed_at IS NULL")
                .param(id).query(Integer.class).single()).as("every delivery is claimed as it is planned").isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(states(api, id)).containsEntry("OFSTED/EMAIL", "SENT"));
        String ofsted = planned.stream().filter(d -> d.recipient().name().equals("OFSTED")).findFirst().orElseThrow().id();
        // as if planned by an instance that died after its commit, before its relay put the delivery on the broker
        jdbc.sql("UPDATE delivery SET published_at = NULL, outbox_claimed_at = CURRENT_TIMESTAMP - INTERVAL '1' HOUR WHERE id = ?")
                .param(ofsted).update();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM delivery WHERE id = ? AND published_at IS NOT NULL").param(ofsted).query(Integer.class).single() == 1);
    }

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

        MimeMessage[] emails = emailsAbout(reference);
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
                        "sin.notifications@dfe.example.org", "safeguarding.partnership@sandwell.example.org");

        WebhookReceiver.Received hook = PARTNERSHIP_HOOK.received().stream()
                .filter(h -> h.body().contains(id)).findFirst().orElseThrow();
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
        List<Message> browsed = jms.browse("hub.dead-letter", (session, browser) -> Collections.list(browser.getEnumeration()));
        List<Message> deadLetters = browsed.stream().filter(m -> deadDelivery.equals(deliveryIdOf(m))).toList();
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

        JsonNode forOperations = api.get("/api/v1/notifications/" + id, Api.OPS_KEY).body();
        assertThat(delivery(forOperations, "DFE", "WEBHOOK").get("lastError").asText()).contains("ConnectException");
        assertThat(details(forOperations, "FAILED")).allMatch(d -> d.contains("ConnectException"));
        for (String key : List.of(Api.TRUST_KEY, Api.PARTNERSHIP_KEY, "local-ofsted-key")) {
            JsonNode view = api.get("/api/v1/notifications/" + id, key).body();
            assertThat(view.toString()).as("what %s reads", key).doesNotContain("ConnectException").doesNotContain("127.0.0.1");
            JsonNode refused = delivery(view, "DFE", "WEBHOOK");
            assertThat(refused.get("lastError").isNull()).isTrue();
            assertThat(refused.get("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
            assertThat(refused.get("state").asText()).isEqualTo("DEAD_LETTERED");
            assertThat(details(view, "FAILED")).first().asString().isEqualTo("DFE by WEBHOOK, attempt 1 of 3 failed; a retry is scheduled");
        }
    }

    private static JsonNode delivery(JsonNode view, String recipient, String channel) {
        return StreamSupport.stream(view.get("deliveries").spliterator(), false)
                .filter(d -> d.get("recipient").asText().equals(recipient) && d.get("channel").asText().equals(channel))
                .findFirst().orElseThrow();
    }

    private static List<String> details(JsonNode view, String event) {
        return StreamSupport.stream(view.get("audit").spliterator(), false)
                .filter(a -> a.get("event").asText().equals(event)).map(a -> a.get("detail").asText()).toList();
    }


    @Test
    void theSameNotificationSentManyTimesAtOnceIsStoredAndFannedOutOnce() {
        // on PostgreSQL, writers committing apart: an insert of a reference another transaction is storing waits for it
        Api api = new Api(port);
        List<Api.Response> answers = api.postAtOnce("/api/v1/notifications",
                Notifications.seriousIncident("SCT-FANOUT-AT-ONCE"), Api.TRUST_KEY, 12);

        assertThat(answers).extracting(Api.Response::status).containsOnly(202, 200)
                .filteredOn(status -> status == 202).hasSize(1);
        String id = answers.get(0).body().get("id").asText();
        assertThat(answers).extracting(answer -> answer.body().get("id").asText()).containsOnly(id);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE trust_reference = 'SCT-FANOUT-AT-ONCE'")
                .query(Integer.class).single()).isEqualTo(1);
        // four recipients, the DfE and the partnership by email and by webhook
        assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE notification_id = ?").param(id).query(Integer.class).single())
                .isEqualTo(6);
    }

    @Test
    void eachAuthoritysPartnershipReceivesItsOwnNotificationsOnly() throws Exception {
        Api api = new Api(port);
        String sandwell = api.post("/api/v1/notifications", Notifications.seriousIncident("SCT-FANOUT-SANDWELL"),
                Api.TRUST_KEY).body().get("id").asText();
        Api.Response accepted = api.post("/api/v1/notifications", Notifications.seriousIncident("BCT-FANOUT-BIRMINGHAM")
                .put("localAuthority", "E08000025"), Api.BIRMINGHAM_TRUST_KEY);
        assertThat(accepted.status()).isEqualTo(202);
        String birmingham = accepted.body().get("id").asText();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String id : List.of(sandwell, birmingham)) {
                assertThat(states(api, id)).containsEntry("PARTNERSHIP/WEBHOOK", "SENT")
                        .allSatisfy((delivery, state) -> assertThat(delivery.endsWith("/EMAIL") ? state : "SENT").isEqualTo("SENT"));
            }
        });

        assertThat(partnershipAddressees("SCT-FANOUT-SANDWELL")).containsExactly("safeguarding.partnership@sandwell.example.org");
        assertThat(partnershipAddressees("BCT-FANOUT-BIRMINGHAM")).containsExactly("safeguarding.partnership@birmingham.example.org");
        MimeMessage birminghamEmail = Arrays.stream(emailsAbout("BCT-FANOUT-BIRMINGHAM"))
                .filter(e -> Mails.addressees(e).contains("enquiries@ofsted.example.org")).findFirst().orElseThrow();
        assertThat(birminghamEmail.getSubject()).contains("Birmingham (E08000025)");
        assertThat(GreenMailUtil.getWholeMessage(birminghamEmail)).contains("Sent to you as: Ofsted");

        assertThat(BIRMINGHAM_HOOK.received()).singleElement().satisfies(hook -> {
            assertThat(hook.signatureValid()).isTrue();
            JsonNode payload = new ObjectMapper().readTree(hook.body());
            assertThat(payload.get("notificationId").asText()).isEqualTo(birmingham);
            assertThat(payload.get("recipientName").asText()).isEqualTo("Birmingham Safeguarding Children Partnership");
            assertThat(payload.get("localAuthorityName").asText()).isEqualTo("Birmingham (E08000025)");
        });
        assertThat(PARTNERSHIP_HOOK.received()).as("Sandwell's partnership receives nothing of Birmingham's")
                .noneMatch(hook -> hook.body().contains(birmingham) || hook.body().contains("BCT-FANOUT"))
                .anyMatch(hook -> hook.body().contains(sandwell));
    }

    private static MimeMessage[] emailsAbout(String reference) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(e -> Mails.subject(e).contains(reference))
                .toArray(MimeMessage[]::new);
    }

    /** Who received the partnership's copy of a notification: every addressee other than the national recipients. */
    private static List<String> partnershipAddressees(String reference) {
        List<String> national = List.of("mailbox@nationalpanel.example.org", "enquiries@ofsted.example.org",
                "sin.notifications@dfe.example.org", "looked-after-deaths@dfe.example.org");
        return Arrays.stream(emailsAbout(reference)).flatMap(e -> Mails.addressees(e).stream())
                .filter(a -> !national.contains(a)).toList();
    }

    private static String deliveryIdOf(Message message) {
        try {
            return message.getStringProperty("hubDeliveryId");
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> states(Api api, String id) {
        JsonNode deliveries = api.get("/api/v1/notifications/" + id, Api.OPS_KEY).body().get("deliveries");
        List<JsonNode> list = new ArrayList<>();
        deliveries.forEach(list::add);
        return list.stream().collect(Collectors.toMap(
                d -> d.get("recipient").asText() + "/" + d.get("channel").asText(), d -> d.get("state").asText()));
    }
}
