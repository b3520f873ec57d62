package uk.gov.safeguarding.hub.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.Browser;
import uk.gov.safeguarding.hub.support.FreePort;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubIntegrationTest;
import uk.gov.safeguarding.hub.support.Mails;
import uk.gov.safeguarding.hub.support.MovableClock;
import uk.gov.safeguarding.hub.support.MovableClockConfiguration;
import uk.gov.safeguarding.hub.support.Notifications;
import uk.gov.safeguarding.hub.support.Smtp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pages for people (SPEC §10) in headless Chromium, as each kind of user meets them: from a notification email
 * and an escalation email, through sign-in, to the case; each user sees exactly their scope; another authority's
 * case is a 404 page. Screenshots at desktop and phone width go to {@code target/pages-*.png}.
 */
@HubIntegrationTest
@Import(MovableClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesBrowserTest {

    private static final int SMTP_PORT = FreePort.find();
    @RegisterExtension
    static final GreenMailExtension SMTP = Smtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("pages").toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("hub.escalation.poll-interval-millis", () -> 100);
    }

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;
    Api api;
    String sandwell;
    String birmingham;
    Browser browser;

    @BeforeAll
    void twoAuthoritiesNotifications() {
        api = new Api(port);
        // Thursday 26 November 2026: the NOTIFICATION window of an incident the authority became aware of a week ago
        // closes today, so its partnership officer is escalated to at once
        clock.set("2026-11-26T10:00:00Z");
        sandwell = notify("SCT-PAGES-1", "E08000028", Api.TRUST_KEY);
        birmingham = notify("BCT-PAGES-2", "E08000025", Api.BIRMINGHAM_TRUST_KEY);
    }

    @BeforeEach
    void chromium() {
        assumeTrue(Browser.installed(), "Chromium is not installed here (apt-get install chromium chromium-driver)");
        if (browser == null) {
            browser = new Browser(1280, 1400);
        }
    }

    @AfterAll
    void closeChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void eachKindOfUserSeesExactlyTheirScope() {
        browser.startOver(1280, 1400);
        WebDriver page = browser.driver();
        page.get(url("/notifications"));
        browser.signIn("sandwell", "sandwell");
        assertThat(listed(page)).contains(sandwell).doesNotContain(birmingham);
        assertThat(page.getPageSource()).contains("Sandwell (E08000028)");
        browser.screenshot("pages-notifications.png");

        page.get(url("/notifications/" + birmingham));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(page.getPageSource()).doesNotContain("BCT-PAGES-2");

        page.get(url("/clocks"));
        assertThat(page.findElement(By.id("open-clocks")).getText()).contains("SCT-PAGES-1").doesNotContain("BCT-PAGES-2");
        browser.screenshot("pages-clocks.png");
        page.get(url("/reports?authority=E08000028"));
        assertThat(page.findElement(By.id("figures")).getText()).contains("2026-27");
        assertThat(page.findElements(By.cssSelector("svg.chart rect"))).isNotEmpty();
        assertThat(page.findElement(By.id("csv")).getAttribute("href")).contains("/reports/statutory.csv");
        browser.screenshot("pages-reports.png");
        page.get(url("/console"));
        assertThat(page.getPageSource()).as("the console is for operations").doesNotContain("Dead letters");

        // a session that has expired: sign in again, and back to the page asked for
        page.manage().deleteCookieNamed("JSESSIONID");
        page.get(url("/notifications/" + sandwell));
        assertThat(page.getCurrentUrl()).endsWith("/login");
        browser.signIn("sandwell", "sandwell");
        assertThat(page.getCurrentUrl()).endsWith("/notifications/" + sandwell);
        for (String user : List.of("ofsted", "ops")) {
            browser.startOver(1280, 1400);
            browser.driver().get(url("/notifications"));
            browser.signIn(user, user);
            assertThat(listed(browser.driver())).as(user).contains(sandwell, birmingham);
        }
    }

    @Test
    void everyPageMeetsTheAccessibilityRulesAxeChecks() {
        assumeTrue(Browser.axeInstalled(), "axe-core is not installed here (.ci/run installs it into .tools/)");
        browser.startOver(1280, 1400);
        WebDriver page = browser.driver();
        page.get(url("/login"));
        assertThat(browser.accessibilityViolations()).as("sign-in").isEmpty();
        browser.signIn("ops", "ops");
        for (String path : List.of("/notifications", "/notifications/" + sandwell, "/clocks", "/reports", "/console")) {
            page.get(url(path));
            assertThat(browser.accessibilityViolations()).as(path).isEmpty();
        }
        // and the check does find what is wrong: an image without a text alternative
        ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                "document.querySelector('main').appendChild(document.createElement('img'))");
        assertThat(browser.accessibilityViolations()).anyMatch(v -> v.startsWith("image-alt"));
    }

    @Test
    void anOfstedUserFollowsTheEmailSignsInAndAcknowledgesOnce() throws Exception {
        MimeMessage email = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> Mails.subject(m).contains("SCT-PAGES-1") && Mails.addressees(m).contains("enquiries@ofsted.example.org"))
                .findFirst().orElseThrow();
        String prefix = "Read the notification in the hub: ";
        String link = local(Mails.text(email).lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow()
                .substring(prefix.length()).trim());
        assertThat(link).endsWith("/notifications/" + sandwell);

        browser.startOver(375, 1600);
        WebDriver page = browser.driver();
        page.get(link);
        assertThat(page.getCurrentUrl()).endsWith("/login");
        browser.signIn("ofsted", "ofsted");
        assertThat(page.getCurrentUrl()).as("back to the page asked for").endsWith("/notifications/" + sandwell);
        assertThat(page.findElement(By.id("children")).getText()).contains("Zebedee");
        browser.screenshot("pages-case-phone.png");

        String csrf = page.findElement(By.cssSelector("form[action$='/acknowledge'] input[name='_csrf']")).getAttribute("value");
        page.findElement(By.id("acknowledge")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("message")));
        String acknowledgedAt = row(page, "OFSTED").findElement(By.className("acknowledged")).getText();
        assertThat(acknowledgedAt).isNotEqualTo("Not yet");
        assertThat(page.findElements(By.id("acknowledge"))).isEmpty();

        // the same form sent a second time (a double click): it leads back to the case, and the first stands
        HttpResponse<String> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url("/notifications/" + sandwell + "/acknowledge")))
                .header("Cookie", "JSESSIONID=" + page.manage().getCookieNamed("JSESSIONID").getValue())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/notifications/" + sandwell));
        page.navigate().refresh();
        assertThat(row(page, "OFSTED").findElement(By.className("acknowledged")).getText()).isEqualTo(acknowledgedAt);
        JsonNode view = api.get("/api/v1/notifications/" + sandwell, Api.OPS_KEY).body();
        assertThat(StreamSupport.stream(view.get("audit").spliterator(), false)
                .filter(a -> a.get("event").asText().equals("ACKNOWLEDGED") && a.get("detail").asText().startsWith("OFSTED")))
                .hasSize(1);
        JsonNode open = api.get("/api/v1/notifications/open-clocks", Api.OPS_KEY).body();
        assertThat(StreamSupport.stream(open.get("items").spliterator(), false)
                .filter(i -> i.get("notificationId").asText().equals(sandwell) && i.get("clock").asText().equals("NOTIFICATION"))
                .findFirst().orElseThrow().get("notAcknowledged")).extracting(JsonNode::asText).doesNotContain("OFSTED");
    }

    @Test
    void aPartnershipOfficerFollowsAnEscalationEmailToTheCase() {
        MimeMessage escalation = await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> Mails.subject(m).contains("SCT-PAGES-1") && Mails.subject(m).startsWith("[DUE TODAY]"))
                .findFirst().orElse(null), m -> m != null);
        List<String> lines = Mails.text(escalation).lines().toList();
        String link = local(lines.get(lines.indexOf("Open the notification in the hub:") + 1).trim());

        browser.startOver(1280, 1800);
        WebDriver page = browser.driver();
        page.get(link);
        browser.signIn("sandwell", "sandwell");
        assertThat(page.getCurrentUrl()).endsWith("/notifications/" + sandwell);
        assertThat(page.findElement(By.id("clocks")).getText()).contains("Notification (5 working days)");
        assertThat(page.findElement(By.id("timeline")).getText()).contains("Escalated");
        browser.screenshot("pages-case.png");
    }

    private String notify(String reference, String authority, String key) {
        ObjectNode body = Notifications.seriousIncident(reference).put("localAuthority", authority);
        ((ObjectNode) body.get("incident")).put("occurredOn", "2026-11-18").put("awareOn", "2026-11-19");
        String id = api.post("/api/v1/notifications", body, key).body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                StreamSupport.stream(api.get("/api/v1/notifications/" + id, Api.OPS_KEY).body().get("deliveries").spliterator(), false)
                        .map(d -> d.get("state").asText())).isNotEmpty().allMatch("SENT"::equals));
        return id;
    }

    private static List<String> listed(WebDriver page) {
        return page.findElements(By.cssSelector("#notifications tr[data-notification]")).stream()
                .map(row -> row.getAttribute("data-notification")).toList();
    }

    private static WebElement row(WebDriver page, String recipient) {
        return page.findElements(By.cssSelector("#deliveries tr[data-recipient='" + recipient + "']")).get(0);
    }

    private String local(String link) {
        return link.replaceFirst("http://localhost:\\d+", "http://localhost:" + port);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
