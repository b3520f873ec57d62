package uk.gov.safeguarding.hub.acknowledgement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubIntegrationTest;
import uk.gov.safeguarding.hub.support.Postgres;
import uk.gov.safeguarding.hub.support.MovableClock;
import uk.gov.safeguarding.hub.support.MovableClockConfiguration;
import uk.gov.safeguarding.hub.support.Notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The one-click link of an email: GET changes nothing, POST acknowledges, a bad or old token gets a clear 4xx page. */
@HubIntegrationTest
// closed after the class, so that each context stops while its database and broker are still up
@Import(MovableClockConfiguration.class)
class AcknowledgementLinkIntegrationTest {

    private static final Path DATA_DIR = HubDataDir.create("acknowledgement");
    private static final Pattern LINK = Pattern.compile("(http://\\S+/acknowledgements/[A-Za-z0-9_.-]+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", DATA_DIR::toString);
        Postgres.register(registry, "acknowledgement");
    }

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;
    Api api;

    @BeforeEach
    void now() {
        clock.set("2026-11-20T10:00:00Z");
        api = new Api(port);
    }

    @Test
    void openingTheLinkChangesNothingAndConfirmingAcknowledgesOnce() throws Exception {
        String id = notify("SCT-ACK-LINK");
        String link = linkFor(id, "OFSTED").replaceFirst("http://localhost:\\d+", "http://localhost:" + port);
        int auditBefore = auditSize(id);

        HttpResponse<String> opened = HTTP.send(HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("Confirm receipt").contains("SCT-ACK-LINK").contains("<form method=\"post\"");
        assertThat(opened.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(opened.headers().firstValue("Referrer-Policy")).as("the token never leaves in a Referer").contains("no-referrer");
        assertThat(opened.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(auditSize(id)).isEqualTo(auditBefore);
        assertThat(delivery(id, "OFSTED").get("state").asText()).isEqualTo("SENT");

        HttpResponse<String> confirmed = post(link);

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Acknowledged for Ofsted");
        JsonNode ofsted = delivery(id, "OFSTED");
        assertThat(ofsted.get("state").asText()).isEqualTo("ACKNOWLEDGED");
        String firstTime = ofsted.get("acknowledgedAt").asText();

        clock.advance(Duration.ofHours(2));
        assertThat(post(link).statusCode()).isEqualTo(200);
        assertThat(delivery(id, "OFSTED").get("acknowledgedAt").asText()).isEqualTo(firstTime);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("already acknowledged");
        assertThat(events(id)).filteredOn("ACKNOWLEDGED"::equals).hasSize(1);
        assertThat(clockState(id)).isEqualTo("RUNNING");
    }

    @Test
    void aTamperedTokenGetsAClearPageAndChangesNothing() throws Exception {
        String id = notify("SCT-ACK-TAMPER");
        String link = linkFor(id, "DFE").replaceFirst("http://localhost:\\d+", "http://localhost:" + port);
        String token = link.substring(link.lastIndexOf('/') + 1);
        String otherDelivery = jdbc.sql("SELECT id FROM delivery WHERE notification_id = ? AND recipient = 'OFSTED'")
                .param(id).query(String.class).single();
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString((otherDelivery + ".9999999999").getBytes())
                + token.substring(token.indexOf('.'));

        for (String bad : new String[] {link + "x", link.replace(token, forged), link.replace(token, "not-a-token"),
                link.replace(token, "%3Cscript%3E")}) {
            HttpResponse<String> page = post(bad);
            assertThat(page.statusCode()).as(bad).isBetween(400, 499);
            assertThat(page.body()).contains("not valid").doesNotContain("Exception");
        }
        assertThat(events(id)).doesNotContain("ACKNOWLEDGED");
    }

    @Test
    void anExpiredTokenGetsAClearPageAndChangesNothing() throws Exception {
        String id = notify("SCT-ACK-EXPIRED");
        String link = linkFor(id, "PARTNERSHIP").replaceFirst("http://localhost:\\d+", "http://localhost:" + port);

        clock.advance(Duration.ofDays(31));

        HttpResponse<String> page = post(link);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("expired");
        assertThat(events(id)).doesNotContain("ACKNOWLEDGED");
    }

    @Test
    void whenEveryRecipientHasAcknowledgedByLinkTheNotificationClockIsMet() throws Exception {
        String id = notify("SCT-ACK-ALL");
        for (String recipient : new String[] {"NATIONAL_PANEL", "OFSTED", "DFE", "PARTNERSHIP"}) {
            assertThat(post(linkFor(id, recipient).replaceFirst("http://localhost:\\d+", "http://localhost:" + port)).statusCode())
                    .isEqualTo(200);
        }
        assertThat(clockState(id)).isEqualTo("MET");
    }

    private String notify(String reference) {
        ObjectNode body = Notifications.seriousIncident(reference);
        ((ObjectNode) body.get("incident")).put("occurredOn", "2026-11-18").put("awareOn", "2026-11-19");
        ((ObjectNode) body.get("children").get(0)).put("dateOfBirth", "2026-09-01");
        String id = api.post("/api/v1/notifications", body, Api.TRUST_KEY).body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                StreamSupport.stream(view(id).get("deliveries").spliterator(), false).map(d -> d.get("state").asText()))
                .allMatch("SENT"::equals));
        return id;
    }

    private String linkFor(String notificationId, String recipient) throws IOException {
        String deliveryId = jdbc.sql("SELECT id FROM delivery WHERE notification_id = ? AND recipient = ? AND kind = 'NOTIFICATION'")
                .params(notificationId, recipient).query(String.class).single();
        Matcher m = LINK.matcher(Files.readString(DATA_DIR.resolve("outbox").resolve(deliveryId + ".eml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> post(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode view(String id) {
        return api.get("/api/v1/notifications/" + id, Api.OPS_KEY).body();
    }

    private JsonNode delivery(String id, String recipient) {
        return StreamSupport.stream(view(id).get("deliveries").spliterator(), false)
                .filter(d -> d.get("recipient").asText().equals(recipient)).findFirst().orElseThrow();
    }

    private java.util.List<String> events(String id) {
        return StreamSupport.stream(view(id).get("audit").spliterator(), false).map(a -> a.get("event").asText()).toList();
    }

    private int auditSize(String id) {
        return view(id).get("audit").size();
    }

    private String clockState(String id) {
        return view(id).at("/clocks/0/state").asText();
    }
}
