package uk.gov.safeguarding.hub.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubIntegrationTest;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limiting per API key (429 with Retry-After) and sign-in throttling at the console. */
@HubIntegrationTest
class LimitsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("limits").toString());
        registry.add("hub.security.rate-limit.requests", () -> 5);
        registry.add("hub.security.rate-limit.period", () -> "1h");
        registry.add("hub.security.login-attempts.requests", () -> 3);
        registry.add("hub.security.login-attempts.period", () -> "1h");
    }

    @LocalServerPort
    int port;

    @Test
    void aKeyOverItsRateGets429WithRetryAfterAndOtherKeysAreUnaffected() {
        Api api = new Api(port);
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/v1/notifications/none", "local-dfe-key").status()).isEqualTo(404);
        }
        Api.Response limited = api.getText("/api/v1/notifications/none", "local-dfe-key");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/notifications/none", "local-ofsted-key").status()).isEqualTo(404);
    }

    @Test
    void repeatedSignInAttemptsAreThrottledEvenWithTheRightPassword() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(browser, "ops", "wrong-" + i).headers().firstValue("Location").orElse("")).endsWith("/login?error");
        }
        HttpResponse<String> throttled = signIn(browser, "ops", "ops");
        assertThat(throttled.headers().firstValue("Location").orElse("")).endsWith("/login?throttled");
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void madeUpUsernamesShareOneAllowanceSoTheyCannotGrowTheThrottle() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(browser, "nobody-" + i, "guess").headers().firstValue("Location").orElse("")).endsWith("/login?error");
        }
        assertThat(signIn(browser, "nobody-else", "guess").headers().firstValue("Location").orElse(""))
                .as("a fourth made-up name draws on the same allowance").endsWith("/login?throttled");
    }

    private HttpResponse<String> signIn(HttpClient browser, String username, String password) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
