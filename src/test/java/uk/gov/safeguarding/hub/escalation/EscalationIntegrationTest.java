package uk.gov.safeguarding.hub.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import uk.gov.safeguarding.hub.support.Postgres;
import uk.gov.safeguarding.hub.support.Smtp;
import uk.gov.safeguarding.hub.support.MovableClock;
import uk.gov.safeguarding.hub.support.MovableClockConfiguration;
import uk.gov.safeguarding.hub.support.Notifications;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clocks and escalations with time moved by the test: rungs fire in turn, stop when the clock is met, a late
 * start fires only the highest due rung once, and a missed deadline breaches. Emails go to a real SMTP server.
 */
@HubIntegrationTest
// closed after the class, so that each context stops while its database and broker are still up
@Import(MovableClockConfiguration.class)
class EscalationIntegrationTest {

    private static final int SMTP_PORT = FreePort.find();
    @RegisterExtension
    static final GreenMailExtension SMTP = Smtp.server(SMTP_PORT);
    /** Aware on Thu 19 Nov 2026: the NOTIFICATION window closes on Thu 26 Nov 2026. */
    private static final String AWARE_ON = "2026-11-19";
    private static final String OFFICER = "partnership.officer@sandwell.example.org";
    private static final String MANAGER = "partnership.manager@sandwell.example.org";
    private static final String LEADS = "statutory.leads@sandwell.example.org";


    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("escalation").toString());
        Postgres.register(registry, "escalation");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("hub.escalation.poll-interval-millis", () -> 100);
    }


    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;
    Api api;

    @BeforeEach
    void atTheStart() {
        api = new Api(port);
        clock.set("2026-11-20T10:00:00Z");
    }

    @Test
    void rungsFireInTurnOnceEachAndStopWhenEveryRecipientHasAcknowledged() {
        String id = notify("SCT-ESC-LADDER");
        assertThat(api.get("/api/v1/notifications/" + id, Api.TRUST_KEY).body().at("/clocks/0/deadline").asText())
                .isEqualTo("2026-11-26");
        quietFor("SCT-ESC-LADDER", 0);

        clock.set("2026-11-24T09:00:01Z");
        MimeMessage first = awaitEscalations("SCT-ESC-LADDER", 1).get(0);
        assertThat(Mails.addressees(first)).containsExactly(OFFICER);

        clock.set("2026-11-25T09:00:01Z");
        MimeMessage second = awaitEscalations("SCT-ESC-LADDER", 2).get(1);
        assertThat(Mails.addressees(second)).containsExactlyInAnyOrder(OFFICER, MANAGER);

        for (String agency : List.of("NATIONAL_PANEL", "OFSTED", "DFE", "PARTNERSHIP")) {
            assertThat(api.post("/api/v1/notifications/" + id + "/acknowledgements", "{\"recipient\":\"" + agency + "\"}",
                    "local-" + agency.toLowerCase() + "-key").status()).isEqualTo(200);
        }
        JsonNode view = api.get("/api/v1/notifications/" + id, Api.TRUST_KEY).body();
        assertThat(clock(view, "NOTIFICATION").get("state").asText()).isEqualTo("MET");

        clock.set("2026-11-27T01:00:00Z");
        quietFor("SCT-ESC-LADDER", 2);
        view = api.get("/api/v1/notifications/" + id, Api.TRUST_KEY).body();
        assertThat(clock(view, "NOTIFICATION").get("state").asText()).isEqualTo("MET");
        assertThat(StreamSupport.stream(view.get("escalations").spliterator(), false).map(e -> e.get("rung").asText()))
                .containsExactly("-2WD", "-1WD");
    }

    @Test
    void aNotificationWhoseWindowClosesTodayEscalatesOnceToThePartnershipWithWhatToDo() throws Exception {
        clock.set("2026-11-26T10:00:00Z");
        String id = notify("SCT-ESC-TODAY");

        MimeMessage email = awaitEscalations("SCT-ESC-TODAY", 1).get(0);
        quietFor("SCT-ESC-TODAY", 1);

        assertThat(Mails.addressees(email)).containsExactlyInAnyOrder(OFFICER, MANAGER, LEADS);
        assertThat(email.getSubject()).contains("DUE TODAY").contains("SCT-ESC-TODAY").contains("26 November 2026");
        String body = GreenMailUtil.getWholeMessage(email);
        assertThat(body).contains("closes today").contains("Thursday 26 November 2026").contains("Sandwell (E08000028)")
                .contains("Ofsted has not acknowledged").contains("Child Safeguarding Practice Review Panel has not acknowledged")
                .contains("Sandwell Children's Safeguarding Partnership has not acknowledged")
                .contains("What to do").contains("/notifications/" + id).contains("/clocks").contains("text/html")
                .doesNotContain("Quillfeather");
        JsonNode escalations = api.get("/api/v1/notifications/" + id, Api.TRUST_KEY).body().get("escalations");
        assertThat(escalations).hasSize(1);
        assertThat(escalations.get(0).get("rung").asText()).isEqualTo("0WD");
        assertThat(escalations.get(0).get("to")).hasSize(3);
    }

    @Test
    void eachAuthoritysEscalationsGoToItsOwnContactsOnly() {
        clock.set("2026-11-26T10:00:00Z");
        notify("SCT-ESC-SANDWELL");
        notify("SCT-ESC-BIRMINGHAM", "E08000025", Api.BIRMINGHAM_TRUST_KEY);

        MimeMessage sandwell = awaitEscalations("SCT-ESC-SANDWELL", 1).get(0);
        MimeMessage birmingham = awaitEscalations("SCT-ESC-BIRMINGHAM", 1).get(0);
        quietFor("SCT-ESC-BIRMINGHAM", 1);

        assertThat(Mails.addressees(sandwell)).containsExactlyInAnyOrder(OFFICER, MANAGER, LEADS);
        assertThat(Mails.addressees(birmingham)).containsExactlyInAnyOrder("partnership.officer@birmingham.example.org",
                "partnership.manager@birmingham.example.org", "statutory.leads@birmingham.example.org");
        assertThat(Mails.subject(birmingham)).contains("Birmingham (E08000025)");
        assertThat(GreenMailUtil.getWholeMessage(birmingham))
                .contains("Birmingham Safeguarding Children Partnership has not acknowledged")
                .doesNotContain("Sandwell");
    }

    @Test
    void aMissedDeadlineBreachesTheClockAndFiresOnlyTheBreachRung() {
        String id = notify("SCT-ESC-BREACH");

        clock.set("2026-11-27T00:00:05Z");
        MimeMessage breach = awaitEscalations("SCT-ESC-BREACH", 1).get(0);
        quietFor("SCT-ESC-BREACH", 1);

        assertThat(Mails.subject(breach)).contains("OVERDUE");
        JsonNode view = api.get("/api/v1/notifications/" + id, Api.TRUST_KEY).body();
        assertThat(clock(view, "NOTIFICATION").get("state").asText()).isEqualTo("BREACHED");
        assertThat(clock(view, "NOTIFICATION").get("breachedAt").isNull()).isFalse();
        assertThat(view.get("escalations").get(0).get("rung").asText()).isEqualTo("breach");
        assertThat(StreamSupport.stream(view.get("audit").spliterator(), false).map(a -> a.get("event").asText()))
                .contains("CLOCK_BREACHED", "ESCALATED");
    }

    @Test
    void rapidReviewIsDueFifteenWorkingDaysAfterDeliveryAndAnLcsprDecisionStartsSixMonths() {
        String id = notify("SCT-ESC-REVIEW");
        // first delivered on Fri 20 Nov 2026
        assertThat(clock(api.get("/api/v1/notifications/" + id, Api.TRUST_KEY).body(), "RAPID_REVIEW").get("deadline").asText())
                .isEqualTo("2026-12-11");
        String path = "/api/v1/notifications/" + id;
        assertThat(api.post(path + "/publication", "{\"publishedOn\":\"2026-11-20\"}", Api.TRUST_KEY).status()).isEqualTo(409);
        assertThat(api.post(path + "/rapid-review", "{\"decidedOn\":\"2026-11-20\",\"decision\":\"MAYBE\"}", Api.TRUST_KEY).status())
                .isEqualTo(400);
        assertThat(api.post(path + "/rapid-review", "{\"decidedOn\":\"2026-11-20\",\"decision\":\"LCSPR\"}", "local-ofsted-key").status())
                .isEqualTo(403);

        Api.Response decided = api.post(path + "/rapid-review", "{\"decidedOn\":\"2026-11-20\",\"decision\":\"LCSPR\"}", Api.TRUST_KEY);

        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body().at("/clocks/LCSPR_PUBLICATION/deadline").asText()).isEqualTo("2027-05-20");
        assertThat(decided.body().at("/clocks/RAPID_REVIEW/state").asText())
                .as("met when the outcome reaches the Panel, not when it is recorded").isEqualTo("RUNNING");
        await().atMost(Duration.ofSeconds(20)).until(() -> "MET".equals(
                api.get(path + "/review", Api.TRUST_KEY).body().at("/clocks/RAPID_REVIEW/state").asText()));
        assertThat(api.post(path + "/rapid-review", "{\"decidedOn\":\"2026-11-20\",\"decision\":\"LCSPR\"}", Api.TRUST_KEY).status())
                .isEqualTo(200);
        assertThat(api.post(path + "/rapid-review", "{\"decidedOn\":\"2026-11-20\",\"decision\":\"NO_LCSPR\"}", Api.TRUST_KEY).status())
                .isEqualTo(409);

        Api.Response published = api.post(path + "/publication", "{\"publishedOn\":\"2026-11-20\"}", Api.TRUST_KEY);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body().at("/clocks/LCSPR_PUBLICATION/state").asText()).isEqualTo("MET");
    }

    @Test
    void anEmbargoPausesThePublicationClockAndItsEscalationsAndTheLiftReschedulesThem() {
        String id = notify("SCT-ESC-EMBARGO");
        String path = "/api/v1/notifications/" + id;
        assertThat(api.post(path + "/rapid-review", "{\"decidedOn\":\"2026-11-20\",\"decision\":\"LCSPR\"}",
                Api.PARTNERSHIP_KEY).body().at("/clocks/LCSPR_PUBLICATION/deadline").asText()).isEqualTo("2027-05-20");

        Api.Response embargoed = api.post(path + "/publication-embargo",
                "{\"since\":\"2026-11-20\",\"reason\":\"CRIMINAL_PROCEEDINGS\"}", Api.PARTNERSHIP_KEY);
        assertThat(embargoed.status()).isEqualTo(200);
        assertThat(embargoed.body().at("/clocks/LCSPR_PUBLICATION/state").asText()).isEqualTo("PAUSED");

        // past every rung and the deadline itself: while paused, nothing fires and nothing breaches
        clock.set("2027-05-21T10:00:00Z");
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(lcsprEscalations("SCT-ESC-EMBARGO")).isEmpty());
        assertThat(api.get(path + "/review", Api.TRUST_KEY).body().at("/clocks/LCSPR_PUBLICATION/state").asText())
                .isEqualTo("PAUSED");

        // 182 calendar days paused: the deadline moves from 20 May to 18 November 2027
        Api.Response lifted = api.post(path + "/publication-embargo/lift", "{\"liftedOn\":\"2027-05-21\"}", Api.TRUST_KEY);
        assertThat(lifted.status()).isEqualTo(200);
        assertThat(lifted.body().at("/clocks/LCSPR_PUBLICATION/deadline").asText()).isEqualTo("2027-11-18");
        assertThat(lifted.body().at("/clocks/LCSPR_PUBLICATION/state").asText()).isEqualTo("RUNNING");
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(lcsprEscalations("SCT-ESC-EMBARGO")).isEmpty());

        // -20WD of Thu 18 Nov 2027 is Thu 21 Oct 2027, 09:00 London (BST)
        clock.set("2027-10-21T08:00:01Z");
        MimeMessage first = await().atMost(Duration.ofSeconds(15)).until(() -> lcsprEscalations("SCT-ESC-EMBARGO"),
                emails -> emails.size() == 1).get(0);
        assertThat(Mails.addressees(first)).containsExactly(OFFICER);
        assertThat(Mails.subject(first)).contains("18 November 2027");
        JsonNode audit = api.get(path, Api.OPS_KEY).body().get("audit");
        assertThat(StreamSupport.stream(audit.spliterator(), false).map(a -> a.get("event").asText()))
                .contains("PUBLICATION_EMBARGOED", "CLOCK_PAUSED", "PUBLICATION_EMBARGO_LIFTED", "CLOCK_RESUMED");
    }

    private static List<MimeMessage> lcsprEscalations(String reference) {
        return escalations(reference).stream().filter(m -> Mails.subject(m).contains("LCSPR")).toList();
    }

    private String notify(String reference) {
        return notify(reference, "E08000028", Api.TRUST_KEY);
    }

    private String notify(String reference, String localAuthority, String trustKey) {
        ObjectNode body = Notifications.seriousIncident(reference).put("localAuthority", localAuthority);
        ((ObjectNode) body.get("incident")).put("occurredOn", "2026-11-18").put("awareOn", AWARE_ON);
        ((ObjectNode) body.get("children").get(0)).put("dateOfBirth", "2026-09-01");
        Api.Response accepted = api.post("/api/v1/notifications", body, trustKey);
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                StreamSupport.stream(api.get("/api/v1/notifications/" + id, Api.OPS_KEY).body().get("deliveries").spliterator(), false)
                        .map(d -> d.get("state").asText())).isNotEmpty().allMatch("SENT"::equals));
        return id;
    }

    private static JsonNode clock(JsonNode view, String name) {
        return StreamSupport.stream(view.get("clocks").spliterator(), false)
                .filter(c -> c.get("clock").asText().equals(name)).findFirst().orElseThrow();
    }

    /** Escalation emails about one notification; GreenMail keeps a copy per addressee, so one per Message-ID. */
    private static List<MimeMessage> escalations(String reference) {
        Map<String, MimeMessage> byMessageId = new LinkedHashMap<>();
        Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> Mails.messageId(m).startsWith("<escalation-") && Mails.subject(m).contains(reference))
                .forEach(m -> byMessageId.putIfAbsent(Mails.messageId(m), m));
        return List.copyOf(byMessageId.values());
    }

    private static List<MimeMessage> awaitEscalations(String reference, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> escalations(reference).size() >= count);
        return escalations(reference);
    }

    /**
     * Several scheduler ticks pass and the number of escalation emails stays as it is; and none was sent twice:
     * each Message-ID arrived exactly once per addressee.
     */
    private static void quietFor(String reference, int count) {
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(escalations(reference)).extracting(Mails::subject).hasSize(count));
        for (MimeMessage email : escalations(reference)) {
            long copies = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> Mails.messageId(m).equals(Mails.messageId(email))).count();
            assertThat(copies).as("copies of %s", Mails.messageId(email)).isEqualTo(Mails.addressees(email).size());
        }
    }



}
