package uk.gov.safeguarding.hub.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.FlakyEndpoint;
import uk.gov.safeguarding.hub.support.FreePort;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubIntegrationTest;
import uk.gov.safeguarding.hub.support.Notifications;
import uk.gov.safeguarding.hub.support.RestartablePostgres;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outages of everything the hub depends on, each longer than a few retries: the SMTP server, a webhook that
 * answers 500 and then hangs, the database and the broker. Nothing is lost, nothing is dead-lettered before
 * its attempts are spent, and everything is delivered after recovery.
 */
@HubIntegrationTest
class OutageIntegrationTest {

    private static final int SMTP_PORT = FreePort.find();
    private static final RestartablePostgres DATABASE = new RestartablePostgres(HubDataDir.create("outage-postgres").resolve("pg"));
    private static final FlakyEndpoint WEBHOOK = new FlakyEndpoint(3_000);
    private static GreenMail smtp = smtp();

    static {
        DATABASE.start();
    }

    private static GreenMail smtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("outage").toString());
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("hub.authorities.E08000028.partnership.webhook.url", WEBHOOK::url);
        registry.add("hub.authorities.E08000028.partnership.webhook.secret", () -> "outage-secret");
        registry.add("hub.delivery.max-attempts", () -> 30);
        registry.add("hub.delivery.initial-backoff", () -> "200ms");
        registry.add("hub.delivery.backoff-multiplier", () -> "1.2");
        registry.add("hub.delivery.max-backoff", () -> "1s");
        registry.add("hub.delivery.webhook-timeout", () -> "1s");
    }

    @AfterAll
    static void stopServers() {
        smtp.stop();
        WEBHOOK.close();
        DATABASE.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedActiveMQ broker;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
        WEBHOOK.mode(FlakyEndpoint.Mode.ACCEPT);
    }

    @Test
    void anSmtpOutageLongerThanSeveralRetriesEndsWithEveryEmailSent() {
        smtp.stop();
        String id = accept();

        await().atMost(Duration.ofSeconds(20)).until(() -> emails(id).stream().allMatch(d -> d.get("attempts").asInt() >= 3));
        assertThat(emails(id)).allSatisfy(d -> assertThat(d.get("state").asText()).isEqualTo("PENDING"));

        smtp = smtp();
        awaitAllSent(id);
        assertThat(deadLetterCount()).isZero();
    }

    @Test
    void aWebhookAnswering500AndThenTimingOutIsRetriedUntilItAccepts() {
        WEBHOOK.mode(FlakyEndpoint.Mode.FAIL_500);
        String id = accept();
        await().atMost(Duration.ofSeconds(20)).until(() -> webhook(id).get("attempts").asInt() >= 3);
        assertThat(webhook(id).get("state").asText()).isEqualTo("PENDING");
        assertThat(webhook(id).get("lastError").asText()).contains("500");

        WEBHOOK.mode(FlakyEndpoint.Mode.HANG);
        int before = webhook(id).get("attempts").asInt();
        await().atMost(Duration.ofSeconds(20)).until(() -> webhook(id).get("attempts").asInt() >= before + 2);
        assertThat(webhook(id).get("state").asText()).isEqualTo("PENDING");
        assertThat(webhook(id).get("lastError").asText()).containsIgnoringCase("timed out");

        WEBHOOK.mode(FlakyEndpoint.Mode.ACCEPT);
        awaitAllSent(id);
        assertThat(deadLetterCount()).isZero();
    }

    @Test
    void aDatabaseRestartWhileTrafficFlowsLosesNothingAcceptedAndRefusesWith503MeanwhileNot500() {
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accepted.add(accept());
        }
        DATABASE.stop();
        Api.Response duringOutage = api.post("/api/v1/notifications", Notifications.seriousIncident("SCT-OUT-DB-" + UUID.randomUUID()),
                Api.TRUST_KEY);
        assertThat(duringOutage.status()).isEqualTo(503);
        DATABASE.start();

        accepted.forEach(this::awaitAllSent);
        assertThat(deadLetterCount()).isZero();
    }

    @Test
    void aBrokerRestartWhileTrafficFlowsLosesNothingAccepted() throws Exception {
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accepted.add(accept());
        }
        broker.stop();
        broker.start();
        for (int i = 0; i < 5; i++) {
            accepted.add(accept());
        }

        accepted.forEach(this::awaitAllSent);
        assertThat(deadLetterCount()).isZero();
    }

    private String accept() {
        Api.Response response = api.post("/api/v1/notifications", Notifications.seriousIncident("SCT-OUT-" + UUID.randomUUID()), Api.TRUST_KEY);
        assertThat(response.status()).isEqualTo(202);
        return response.body().get("id").asText();
    }

    private void awaitAllSent(String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(deliveries(id)).hasSize(5).allSatisfy(d -> assertThat(d.get("state").asText()).isEqualTo("SENT")));
    }

    private List<JsonNode> deliveries(String id) {
        Api.Response view = api.get("/api/v1/notifications/" + id, Api.OPS_KEY);
        return view.status() == 200 ? StreamSupport.stream(view.body().get("deliveries").spliterator(), false).toList() : List.of();
    }

    private List<JsonNode> emails(String id) {
        return deliveries(id).stream().filter(d -> d.get("channel").asText().equals("EMAIL")).toList();
    }

    private JsonNode webhook(String id) {
        return deliveries(id).stream().filter(d -> d.get("channel").asText().equals("WEBHOOK")).findFirst().orElseThrow();
    }

    private int deadLetterCount() {
        return api.get("/api/v1/dead-letters", Api.OPS_KEY).body().get("total").asInt();
    }
}
