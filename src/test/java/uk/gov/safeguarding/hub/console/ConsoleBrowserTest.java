package uk.gov.safeguarding.hub.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.Browser;
import uk.gov.safeguarding.hub.support.FreePort;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubIntegrationTest;
import uk.gov.safeguarding.hub.support.Postgres;
import uk.gov.safeguarding.hub.support.Notifications;
import uk.gov.safeguarding.hub.support.WebhookReceiver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real headless Chromium: log in, see a dead letter, retry it once its endpoint is up, see it
 * leave. Skips only where Debian's chromium and chromium-driver are not installed (.ci/run installs them).
 */
@HubIntegrationTest
// closed after the class, so that each context stops while its database and broker are still up
class ConsoleBrowserTest {

    private static final int DFE_PORT = FreePort.find();
    private static final String SECRET = "console-test-secret";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("console").toString());
        Postgres.register(registry, "console");
        registry.add("hub.recipients.DFE.webhook.url", () -> "http://127.0.0.1:" + DFE_PORT + "/hook");
        registry.add("hub.recipients.DFE.webhook.secret", () -> SECRET);
        registry.add("hub.delivery.max-attempts", () -> 1);
    }

    @LocalServerPort
    int port;
    WebDriver browser;
    private static Browser chromium;

    @BeforeEach
    void openBrowser() {
        assumeTrue(Browser.installed(),
                "Chromium is not installed here (apt-get install chromium chromium-driver): console browser test skipped");
        if (chromium == null) {
            chromium = new Browser(1400, 1600);
        }
        browser = chromium.startOver(1400, 1600).driver();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @Test
    void operationsLogInSeeADeadLetterRetryItAndSeeItLeave() throws IOException {
        String deadLetter = deadLetterForANewNotification("SCT-CONSOLE-1");
        signIn();
        WebElement row = browser.findElement(By.cssSelector("tr[data-dead-letter='" + deadLetter + "']"));
        assertThat(row.getText()).contains("DFE").contains("WEBHOOK").contains("ConnectException").doesNotContain("Quillfeather");
        assertThat(browser.getPageSource()).contains("Open statutory clocks");
        screenshot("console-dead-letter.png");

        try (WebhookReceiver endpoint = new WebhookReceiver(SECRET, DFE_PORT)) {
            browser.findElement(By.id("retry-" + deadLetter)).click();
            awaitPage(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "put back on its queue"));
            await().atMost(Duration.ofSeconds(15)).until(() -> endpoint.received().size() == 1);
            assertThat(endpoint.received().get(0).signatureValid()).isTrue();
        }
        browser.get(url("/console"));
        assertThat(browser.findElements(By.cssSelector("tr[data-dead-letter='" + deadLetter + "']"))).isEmpty();
        screenshot("console-after-retry.png");
    }

    @Test
    void aGroupRetryShowsItsProgressUntilEveryMemberIsMade() throws IOException {
        List<String> members = List.of(deadLetterForANewNotification("SCT-CONSOLE-2"), deadLetterForANewNotification("SCT-CONSOLE-3"));
        signIn();
        for (String member : members) {
            assertThat(browser.findElements(By.cssSelector("tr[data-dead-letter='" + member + "']"))).hasSize(1);
        }

        try (WebhookReceiver endpoint = new WebhookReceiver(SECRET, DFE_PORT)) {
            browser.findElement(By.cssSelector("form[action$='/console/dead-letters/retry'] button")).click();
            awaitPage(ExpectedConditions.urlContains("/console/retries/"));
            assertThat(browser.findElement(By.id("message")).getText()).contains("2 of 2 put back on their queues");
            assertThat(browser.findElements(By.cssSelector("#retry-progress tbody tr"))).hasSize(2);

            // the page refreshes itself while anything is waiting, until both have been made
            awaitPage(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-summary"), "Finished: all 2"));
            assertThat(browser.findElement(By.id("progress-summary")).getText()).contains("SENT: 2");
            assertThat(browser.findElements(By.cssSelector("#retry-progress td.state")))
                    .extracting(WebElement::getText).containsExactly("SENT", "SENT");
            screenshot("console-group-retry.png");
            assertThat(endpoint.received()).hasSize(2).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        }
        browser.get(url("/console"));
        for (String member : members) {
            assertThat(browser.findElements(By.cssSelector("tr[data-dead-letter='" + member + "']"))).isEmpty();
        }
    }

    private void signIn() {
        browser.get(url("/console"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("ops");
        browser.findElement(By.id("password")).sendKeys("ops");
        browser.findElement(By.id("sign-in")).click();
        // a click returns before the form's navigation has always finished, so wait for the page it leads to
        awaitPage(ExpectedConditions.urlMatches("/console$"));
        awaitPage(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private void awaitPage(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }

    private void screenshot(String name) throws IOException {
        Path screenshot = Path.of("target", name);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(screenshot).isNotEmptyFile();
    }

    @Test
    void aWrongPasswordIsRefused() {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("ops");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("sign-in")).click();
        awaitPage(ExpectedConditions.urlContains("/login?error"));
        assertThat(browser.getPageSource()).contains("not right");
    }

    @Test
    void theConsoleAsksForALoginAndSendsStrictSecurityHeaders() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> console = http.send(HttpRequest.newBuilder(URI.create(url("/console"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.body()).contains("name=\"_csrf\"").doesNotContain("<script");

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ops&password=ops")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a login without its CSRF token is refused").isEqualTo(403);
    }

    private String deadLetterForANewNotification(String trustReference) {
        Api api = new Api(port);
        String id = api.post("/api/v1/notifications", Notifications.seriousIncident(trustReference), Api.TRUST_KEY)
                .body().get("id").asText();
        String[] deadLetter = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> ids = StreamSupport.stream(api.get("/api/v1/dead-letters", Api.OPS_KEY).body().get("items").spliterator(), false)
                    .filter(i -> id.equals(i.get("notificationId").asText())).map(i -> i.get("id").asText()).toList();
            deadLetter[0] = ids.isEmpty() ? null : ids.get(0);
            return deadLetter[0] != null;
        });
        return deadLetter[0];
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

}
