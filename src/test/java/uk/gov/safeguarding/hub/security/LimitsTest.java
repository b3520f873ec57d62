package uk.gov.safeguarding.hub.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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

/**
 * Rate limits per API key and per client address (for requests without valid credentials), the sign-in throttle per
 * address and username, and the security events they log. The hub trusts X-Forwarded-For from loopback here, as it
 * would from its proxy, so that each test can come from addresses of its own.
 */
@HubIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LimitsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("limits").toString());
        registry.add("server.forward-headers-strategy", () -> "native");
        registry.add("hub.security.rate-limit.requests", () -> 5);
        registry.add("hub.security.rate-limit.period", () -> "1h");
        registry.add("hub.security.unauthenticated-rate-limit.requests", () -> 12);
        registry.add("hub.security.unauthenticated-rate-limit.period", () -> "1h");
        registry.add("hub.security.sign-in.free-failures", () -> 2);
        registry.add("hub.security.sign-in.first-wait", () -> "10m");
        registry.add("hub.security.sign-in.longest-wait", () -> "1h");
    }

    @LocalServerPort
    int port;

    @Test
    void aKeyOverItsRateGets429WithRetryAfterAndOtherKeysAreUnaffected(CapturedOutput output) {
        Api api = new Api(port);
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/v1/notifications/none", "local-dfe-key").status()).isEqualTo(404);
        }
        Api.Response limited = api.getText("/api/v1/notifications/none", "local-dfe-key");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/notifications/none", "local-ofsted-key").status()).isEqualTo(404);
        assertThat(output.getAll()).contains("security-event=RATE_LIMITED address=127.0.0.1 client=local-dfe "
                + "path=/api/v1/notifications/none");
    }

    @Test
    void unauthenticatedRequestsOverTheAddressRateGet429AndOtherAddressesAreUnaffected(CapturedOutput output) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 12; i++) {
            assertThat(send(client, "203.0.113.20", "/api/v1/notifications/none", "guessed-key-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = send(client, "203.0.113.20", "/api/v1/notifications/none", "guessed-key-12");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(send(client, "203.0.113.20", "/acknowledgements/guessed-token", null).statusCode())
                .as("the public acknowledgement links count against the same address").isEqualTo(429);

        assertThat(send(client, "203.0.113.20", "/api/v1/notifications/none", "local-national_panel-key").statusCode())
                .as("a valid key from that address is not refused").isEqualTo(404);
        assertThat(send(client, "203.0.113.20", "/actuator/health", null).statusCode()).as("nor a health probe").isEqualTo(200);
        assertThat(send(client, "198.51.100.20", "/api/v1/notifications/none", "guessed-key").statusCode())
                .as("another address").isEqualTo(401);
        assertThat(output.getAll())
                .contains("security-event=UNAUTHENTICATED address=203.0.113.20 client=- path=/api/v1/notifications/none "
                        + "detail=\"an API key that matches no client\"")
                .contains("security-event=RATE_LIMITED address=203.0.113.20 client=- path=/acknowledgements/(token) ")
                .as("the link's token is never logged").doesNotContain("guessed-token");
    }

    @Test
    void aForbiddenRequestIsLoggedWithTheClientId(CapturedOutput output) throws Exception {
        HttpResponse<String> forbidden = send(HttpClient.newHttpClient(), "192.0.2.30", "/api/v1/dead-letters", "local-ofsted-key");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(output.getAll()).contains("security-event=FORBIDDEN address=192.0.2.30 client=local-ofsted "
                + "path=/api/v1/dead-letters detail=\"GET not allowed for this client's role\"");
    }

    @Test
    void wrongPasswordsFromOneAddressMakeItWaitButNeverLockOutTheUserElsewhere(CapturedOutput output) throws Exception {
        HttpClient attacker = browser();
        for (int i = 0; i < 3; i++) {
            assertThat(location(signIn(attacker, "203.0.113.40", "ops", "wrong-" + i))).endsWith("/login?error");
        }
        HttpResponse<String> throttled = signIn(attacker, "203.0.113.40", "ops", "ops");
        assertThat(location(throttled)).as("refused unchecked, even with the right password").endsWith("/login?throttled");
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(590L, 600L);

        assertThat(location(signIn(browser(), "198.51.100.40", "ops", "ops")))
                .as("the user, from their own address, signs in").endsWith("/notifications");
        assertThat(location(signIn(browser(), "203.0.113.40", "sandwell", "sandwell")))
                .as("another user from the attacker's address").endsWith("/notifications");
        assertThat(output.getAll())
                .contains("security-event=SIGN_IN_FAILED address=203.0.113.40 client=ops path=/login "
                        + "detail=\"wrong username or password\"")
                .contains("security-event=SIGN_IN_FAILED address=203.0.113.40 client=ops path=/login "
                        + "detail=\"wrong username or password; this address waits 600 s before trying this name again\"")
                .contains("security-event=SIGN_IN_THROTTLED address=203.0.113.40 client=ops path=/login");
    }

    @Test
    void rightPasswordsAreNeverCountedAndASignInForgetsEarlierFailures() throws Exception {
        assertThat(location(signIn(browser(), "192.0.2.50", "sandwell", "wrong"))).endsWith("/login?error");
        assertThat(location(signIn(browser(), "192.0.2.50", "sandwell", "sandwell"))).endsWith("/notifications");
        assertThat(location(signIn(browser(), "192.0.2.50", "sandwell", "wrong"))).endsWith("/login?error");
        assertThat(location(signIn(browser(), "192.0.2.50", "sandwell", "wrong"))).as("the count started again").endsWith("/login?error");
        assertThat(location(signIn(browser(), "192.0.2.50", "sandwell", "sandwell"))).endsWith("/notifications");
    }

    @Test
    void madeUpUsernamesShareOneEntryPerAddressAndALogLineCannotBeForged(CapturedOutput output) throws Exception {
        HttpClient browser = browser();
        for (int i = 0; i < 3; i++) {
            assertThat(location(signIn(browser, "192.0.2.60", "nobody-" + i, "guess"))).endsWith("/login?error");
        }
        assertThat(location(signIn(browser, "192.0.2.60", "nobody\nsecurity-event=FAKE \"x", "guess")))
                .as("a fourth made-up name waits with the others").endsWith("/login?throttled");
        assertThat(output.getAll()).contains("client=nobody_security-event=FAKE__x path=/login")
                .doesNotContain("\nsecurity-event=FAKE");
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> send(HttpClient client, String address, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", address);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signIn(HttpClient browser, String address, String username, String password) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
