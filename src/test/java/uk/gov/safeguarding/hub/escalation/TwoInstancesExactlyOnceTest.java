package uk.gov.safeguarding.hub.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.safeguarding.hub.HubApplication;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.FreePort;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.Mails;
import uk.gov.safeguarding.hub.support.MovableClock;
import uk.gov.safeguarding.hub.support.Notifications;
import uk.gov.safeguarding.hub.support.Postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two hub instances on one broker and one database, both relaying the outbox and scheduling escalations every
 * 50 ms: every delivery is emailed once and every rung fires exactly once. Instance A runs the embedded broker;
 * instance B connects to it, and both share one PostgreSQL database.
 */
class TwoInstancesExactlyOnceTest {

    private static final int BROKER_ID = 4711;
    private static final int NOTIFICATIONS_PER_INSTANCE = 12;
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    /** Both instances run on one clock, moved by this test alone. */
    private static final MovableClock CLOCK = new MovableClock();
    private static ConfigurableApplicationContext instanceA;
    private static ConfigurableApplicationContext instanceB;

    @BeforeAll
    static void startTwoInstances() {
        SMTP.start();
        CLOCK.set("2026-11-20T10:00:00Z");
        Path shared = HubDataDir.create("two-instances");
        String database = Postgres.newDatabase("two_instances");
        instanceA = start(shared.resolve("a"), database, "spring.artemis.embedded.enabled=true");
        instanceB = start(shared.resolve("b"), database, "spring.artemis.embedded.enabled=false");
    }

    private static ConfigurableApplicationContext start(Path dataDir, String database, String brokerRole) {
        // command-line arguments, so that they override application.yml as an operator's would
        return new SpringApplicationBuilder(HubApplication.class, SharedClock.class)
                .run("--server.port=0", "--hub.data-dir=" + dataDir, "--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + Postgres.RUNTIME, "--spring.datasource.password=" + Postgres.RUNTIME,
                        "--spring.flyway.user=" + Postgres.OWNER, "--spring.flyway.password=" + Postgres.OWNER,
                        "--spring.artemis.embedded.server-id=" + BROKER_ID, "--" + brokerRole,
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP.getSmtp().getPort(),
                        "--hub.escalation.poll-interval-millis=50", "--hub.security.rate-limit.requests=100000");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {

        @Bean
        @Primary
        MovableClock sharedClock() {
            return CLOCK;
        }
    }

    @AfterAll
    static void stop() {
        if (instanceB != null) {
            instanceB.close();
        }
        if (instanceA != null) {
            instanceA.close();
        }
        SMTP.stop();
    }

    @Test
    void eachRungFiresExactlyOnceWhileBothInstancesRaceForIt() {
        List<Api> apis = List.of(api(instanceA), api(instanceB));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < NOTIFICATIONS_PER_INSTANCE; i++) {
            for (int instance = 0; instance < 2; instance++) {
                ids.add(notify(apis.get(instance), "SCT-TWO-" + instance + "-" + i));
            }
        }

        // time jumps days at once here, so first let every delivery be made: a jump would make every claim on the
        // outbox look stale at once and let the other relay publish it again (at least once, not exactly once)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> ids.stream().allMatch(id ->
                StreamSupport.stream(apis.get(0).get("/api/v1/notifications/" + id, Api.OPS_KEY).body().get("deliveries").spliterator(), false)
                        .allMatch(d -> d.get("state").asText().equals("SENT"))));

        // the deadline day, 10:00: for every notification the 0WD rung is due, and the earlier ones are skipped
        CLOCK.set("2026-11-26T10:00:00Z");
        awaitFiredOnce(apis.get(0), ids, 1);
        // the window closes: every breach rung is due
        CLOCK.set("2026-11-27T00:00:05Z");
        awaitFiredOnce(apis.get(1), ids, 2);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6))
                .until(() -> distinctEscalationEmails().size() == ids.size() * 2);
        Map<String, Long> copiesPerMessageId = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> Mails.messageId(m).startsWith("<escalation-"))
                .collect(Collectors.groupingBy(Mails::messageId, Collectors.counting()));
        for (MimeMessage email : distinctEscalationEmails().values()) {
            assertThat(copiesPerMessageId.get(Mails.messageId(email))).as("copies of %s", Mails.messageId(email))
                    .isEqualTo((long) Mails.addressees(email).size());
        }
        Map<String, Long> deliveryEmails = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> !Mails.messageId(m).startsWith("<escalation-"))
                .collect(Collectors.groupingBy(Mails::messageId, Collectors.counting()));
        assertThat(deliveryEmails).as("one email per delivery, though both relays publish and both consume")
                .hasSize(ids.size() * 4).allSatisfy((messageId, copies) -> assertThat(copies).isEqualTo(1L));
        for (String id : ids) {
            JsonNode view = apis.get(0).get("/api/v1/notifications/" + id, Api.OPS_KEY).body();
            assertThat(StreamSupport.stream(view.get("escalations").spliterator(), false).map(e -> e.get("rung").asText()))
                    .containsExactly("0WD", "breach");
            assertThat(StreamSupport.stream(view.get("audit").spliterator(), false).map(a -> a.get("event").asText()))
                    .filteredOn("ESCALATED"::equals).hasSize(2);
            assertThat(StreamSupport.stream(view.get("audit").spliterator(), false).map(a -> a.get("event").asText()))
                    .filteredOn("CLOCK_BREACHED"::equals).hasSize(1);
        }
    }

    private static void awaitFiredOnce(Api api, List<String> ids, int rungs) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(api.get("/api/v1/notifications/" + id, Api.OPS_KEY).body().get("escalations")).hasSize(rungs);
            }
        });
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static String notify(Api api, String reference) {
        ObjectNode body = Notifications.seriousIncident(reference);
        ((ObjectNode) body.get("incident")).put("occurredOn", "2026-11-18").put("awareOn", "2026-11-19");
        ((ObjectNode) body.get("children").get(0)).put("dateOfBirth", "2026-09-01");
        Api.Response accepted = api.post("/api/v1/notifications", body, Api.TRUST_KEY);
        assertThat(accepted.status()).isEqualTo(202);
        return accepted.body().get("id").asText();
    }

    private static Map<String, MimeMessage> distinctEscalationEmails() {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> Mails.messageId(m).startsWith("<escalation-"))
                .collect(Collectors.toMap(Mails::messageId, Function.identity(), (a, b) -> a));
    }


}
