package uk.gov.safeguarding.hub.security;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubIntegrationTest;
import uk.gov.safeguarding.hub.support.Notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API endpoint against every kind of caller of both authorities (SPEC §9), in one table, for a notification of
 * Sandwell: its Trust and partnership read and act on it, Birmingham's do not even see it; an agency reads and
 * acknowledges only what it is a recipient of; dead letters and metrics are for operations only; no key or a wrong
 * key is 401.
 */
@HubIntegrationTest
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({"local", "matrix"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest {

    /**
     * What a caller gets: ALLOWED (2xx, or 409 about the request itself); FORBIDDEN (403); NOT_FOUND (404: a
     * notification hidden from this caller, or for operations a dead letter that does not exist — past the
     * authorisation check); UNAUTHENTICATED (401).
     */
    enum Outcome { ALLOWED, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED }

    static final Map<String, String> CALLERS = Map.ofEntries(
            Map.entry("trust", Api.TRUST_KEY), Map.entry("other-trust", Api.BIRMINGHAM_TRUST_KEY),
            Map.entry("other-trust (second key)", "other-trust-key-2"),
            Map.entry("partnership", Api.PARTNERSHIP_KEY), Map.entry("other-partnership", Api.BIRMINGHAM_PARTNERSHIP_KEY),
            Map.entry("ofsted (recipient)", "local-ofsted-key"),
            Map.entry("secretary-of-state (not a recipient)", "local-secretary_of_state-key"),
            Map.entry("operations", Api.OPS_KEY), Map.entry("wrong key", "not-a-key"));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("matrix").toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    String notification;

    @BeforeAll
    void aNotificationOfSandwell() {
        api = new Api(port);
        notification = api.post("/api/v1/notifications", Notifications.seriousIncident("SCT-MATRIX-0"), Api.TRUST_KEY)
                .body().get("id").asText();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        Outcome A = Outcome.ALLOWED, F = Outcome.FORBIDDEN, N = Outcome.NOT_FOUND;
        // endpoint, then the outcome for: trust, other trust, partnership, other partnership, ofsted, secretary of state, operations
        row(rows, "POST /api/v1/notifications", A, F, F, F, F, F, F);
        row(rows, "GET /api/v1/notifications", A, A, A, A, A, A, A);
        row(rows, "GET /api/v1/notifications/open-clocks", A, A, A, A, A, A, A);
        row(rows, "GET /api/v1/notifications/{id}", A, N, A, N, A, N, A);
        row(rows, "POST /api/v1/notifications/{id}/acknowledgements", F, F, A, N, A, N, F);
        row(rows, "POST /api/v1/notifications/{id}/rapid-review", A, N, A, N, F, N, F);
        row(rows, "GET /api/v1/notifications/{id}/review", A, N, A, N, A, N, A);
        row(rows, "POST /api/v1/notifications/{id}/panel-response", F, F, F, F, F, F, F);
        row(rows, "POST /api/v1/notifications/{id}/publication-plan", A, N, A, N, F, N, F);
        row(rows, "POST /api/v1/notifications/{id}/publication-embargo", A, N, A, N, F, N, F);
        row(rows, "POST /api/v1/notifications/{id}/publication-embargo/lift", A, N, A, N, F, N, F);
        row(rows, "POST /api/v1/notifications/{id}/publication", A, N, A, N, F, N, F);
        row(rows, "GET /api/v1/reports/statutory", A, A, A, A, F, F, A);
        row(rows, "GET /api/v1/reports/statutory?authority=E08000028", A, N, A, N, F, F, A);
        row(rows, "GET /api/v1/dead-letters", F, F, F, F, F, F, A);
        row(rows, "GET /api/v1/dead-letters/{dead}", F, F, F, F, F, F, N);
        row(rows, "POST /api/v1/dead-letters/{dead}/retry", F, F, F, F, F, F, N);
        row(rows, "POST /api/v1/dead-letters/retry", F, F, F, F, F, F, N);
        row(rows, "POST /api/v1/dead-letters/{dead}/discard", F, F, F, F, F, F, N);
        row(rows, "GET /actuator/prometheus", F, F, F, F, F, F, A);
        return rows.stream();
    }

    private static void row(List<Arguments> rows, String endpoint, Outcome trust, Outcome otherTrust,
                            Outcome partnership, Outcome otherPartnership, Outcome ofsted, Outcome secretaryOfState,
                            Outcome operations) {
        rows.add(Arguments.of(endpoint, "trust", trust));
        rows.add(Arguments.of(endpoint, "other-trust", otherTrust));
        rows.add(Arguments.of(endpoint, "other-trust (second key)", otherTrust));
        rows.add(Arguments.of(endpoint, "partnership", partnership));
        rows.add(Arguments.of(endpoint, "other-partnership", otherPartnership));
        rows.add(Arguments.of(endpoint, "ofsted (recipient)", ofsted));
        rows.add(Arguments.of(endpoint, "secretary-of-state (not a recipient)", secretaryOfState));
        rows.add(Arguments.of(endpoint, "operations", operations));
        rows.add(Arguments.of(endpoint, "wrong key", Outcome.UNAUTHENTICATED));
        rows.add(Arguments.of(endpoint, "no key", Outcome.UNAUTHENTICATED));
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void eachCallerGetsExactlyWhatItMay(String endpoint, String caller, Outcome expected) {
        int before = notificationCount();
        Api.Response response = call(endpoint, CALLERS.get(caller));

        assertThat(outcome(response.status())).as("%s as %s answered %d", endpoint, caller, response.status()).isEqualTo(expected);
        if (expected != Outcome.ALLOWED) {
            assertThat(notificationCount()).as("a refusal changes nothing").isEqualTo(before);
        }
    }

    private Api.Response call(String endpoint, String key) {
        String[] parts = endpoint.split(" ");
        String path = parts[1].replace("{id}", notification).replace("{dead}", "00000000-0000-0000-0000-000000000000");
        if (parts[0].equals("GET")) {
            return path.contains("prometheus") ? api.getText(path, key) : api.get(path, key);
        }
        Object body = switch (path.substring(path.lastIndexOf('/') + 1)) {
            case "notifications" -> Notifications.seriousIncident("SCT-MATRIX-" + System.nanoTime());
            case "acknowledgements" -> Map.of("recipient", key == null ? "OFSTED" : key.contains("secretary")
                    ? "SECRETARY_OF_STATE" : key.contains("partnership") ? "PARTNERSHIP" : "OFSTED");
            case "rapid-review" -> Map.of("decidedOn", Notifications.today().toString(), "decision", "LCSPR");
            case "publication" -> Map.of("publishedOn", Notifications.today().toString());
            case "publication-plan" -> Map.of("plannedOn", Notifications.today().plusDays(60).toString());
            case "publication-embargo" -> Map.of("since", Notifications.today().toString(), "reason", "CORONER");
            case "lift" -> Map.of("liftedOn", Notifications.today().toString());
            case "panel-response" -> Map.of("respondedOn", Notifications.today().toString(), "concurs", true);
            case "discard" -> Map.of("reason", "matrix");
            case "retry" -> path.endsWith("dead-letters/retry") ? Map.of("group", "none") : Map.of();
            default -> Map.of();
        };
        return api.post(path, body, key);
    }

    private static Outcome outcome(int status) {
        return switch (status) {
            case 401 -> Outcome.UNAUTHENTICATED;
            case 403 -> Outcome.FORBIDDEN;
            case 404 -> Outcome.NOT_FOUND;
            default -> status < 300 || status == 409 ? Outcome.ALLOWED : null;
        };
    }

    private int notificationCount() {
        return jdbc.sql("SELECT count(*) FROM notification").query(Integer.class).single();
    }
}
