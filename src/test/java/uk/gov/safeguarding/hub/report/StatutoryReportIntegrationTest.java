package uk.gov.safeguarding.hub.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.safeguarding.hub.support.Api;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubIntegrationTest;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statutory figures (SPEC §11) on a seeded history whose expected figures are written out by hand: several
 * financial years, late and on-time cases, the Panel concurring and not, LCSPRs published on time and late,
 * embargoed and in progress, and another authority's cases that must not be counted. Ten thousand more cases
 * show that the figures take one database statement, however many cases there are.
 */
@HubIntegrationTest
@Import(StatutoryReportIntegrationTest.StatementCounting.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatutoryReportIntegrationTest {

    private static final String SANDWELL = "E08000028";
    private static final String BIRMINGHAM = "E08000025";
    private static final int BULK = 10_000;
    /** Statements run on request threads (Tomcat's "-exec-" threads), not by the hub's background routes. */
    static final AtomicInteger REQUEST_STATEMENTS = new AtomicInteger();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubDataDir.create("report").toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeAll
    void aSeededHistory() {
        api = new Api(port);
        // aware on, late, rapid review decision, its clock, Panel concurs, published on, publication clock
        seed(SANDWELL, "2023-03-31", false, "NO_LCSPR", "MET", true, null, null);       // 2022-23
        seed(SANDWELL, "2023-04-01", false, "NO_LCSPR", "MET", true, null, null);       // 2023-24 from here
        seed(SANDWELL, "2023-09-10", true, "LCSPR", "BREACHED", false, "2024-03-01", "MET");
        seed(SANDWELL, "2024-01-15", false, null, "RUNNING", null, null, null);
        seed(SANDWELL, "2024-03-31", false, "LCSPR", "MET", true, null, "PAUSED");
        seed(SANDWELL, "2024-04-01", false, "LCSPR", "MET", true, "2025-01-10", "BREACHED"); // 2024-25
        seed(SANDWELL, "2025-02-02", true, "LCSPR", "MET", null, null, "RUNNING");
        seed(BIRMINGHAM, "2023-05-05", false, "LCSPR", "MET", true, null, "RUNNING");
        List<Object[]> bulk = new ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            bulk.add(notificationRow(BIRMINGHAM, LocalDate.parse("2019-04-01").plusDays(i % 365), i % 3 == 0, null, null, null));
        }
        jdbc.batchUpdate(INSERT_NOTIFICATION, bulk);
    }

    @Test
    void aPartnershipReadsItsAuthoritysFiguresPerFinancialYear() {
        JsonNode report = api.get("/api/v1/reports/statutory?authority=" + SANDWELL, Api.PARTNERSHIP_KEY).body();

        assertThat(report.get("authority").asText()).isEqualTo(SANDWELL);
        assertThat(report.get("authorityName").asText()).isEqualTo("Sandwell (E08000028)");
        assertThat(rows(report)).containsExactly(
                // year, notifications, notifiedOnTime, rapidReviews, rapidReviewsOnTime, panelConcurred, lcsprs,
                // published, publishedOnTime, embargoed, inProgress
                "2022-23 1 1 1 1 1 0 0 0 0 0",
                "2023-24 4 3 3 2 2 2 1 1 1 0",
                "2024-25 2 1 2 2 1 2 1 0 0 1");
    }

    @Test
    void theSameFiguresAsCsvAndWithinDates() throws Exception {
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/reports/statutory?authority=" + SANDWELL + "&from=2023-04-01&to=2024-03-31"))
                .header("Authorization", "Bearer " + Api.TRUST_KEY).header("Accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo("year,notifications,notifiedOnTime,rapidReviews,rapidReviewsOnTime,"
                + "panelConcurred,lcsprs,published,publishedOnTime,embargoed,inProgress\r\n"
                + "2023-24,4,3,3,2,2,2,1,1,1,0\r\n");
    }

    @Test
    void eachCallerReadsOnlyItsScope() {
        assertThat(api.get("/api/v1/reports/statutory?authority=" + SANDWELL, Api.BIRMINGHAM_PARTNERSHIP_KEY).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reports/statutory?authority=" + SANDWELL, Api.BIRMINGHAM_TRUST_KEY).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reports/statutory", "local-ofsted-key").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reports/statutory?authority=E09000001", Api.OPS_KEY).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reports/statutory?from=2024-01-01&to=2023-01-01", Api.OPS_KEY).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reports/statutory?from=yesterday", Api.OPS_KEY).status()).isEqualTo(400);

        JsonNode birmingham = api.get("/api/v1/reports/statutory", Api.BIRMINGHAM_PARTNERSHIP_KEY).body();
        assertThat(rows(birmingham)).containsExactly("2019-20 " + BULK + " " + (BULK - 3334) + " 0 0 0 0 0 0 0 0",
                "2023-24 1 1 1 1 1 1 0 0 0 1");
        JsonNode everyone = api.get("/api/v1/reports/statutory", Api.OPS_KEY).body();
        assertThat(rows(everyone)).hasSize(4).anyMatch(r -> r.startsWith("2023-24 5 4 4 3 3 3 1 1 1 1"));
    }

    @Test
    void theFiguresOfTenThousandCasesTakeOneStatement() {
        REQUEST_STATEMENTS.set(0);
        assertThat(api.get("/api/v1/reports/statutory", Api.OPS_KEY).status()).isEqualTo(200);
        assertThat(REQUEST_STATEMENTS.get()).as("statements run to answer").isEqualTo(1);

        REQUEST_STATEMENTS.set(0);
        assertThat(api.get("/api/v1/reports/statutory?authority=" + BIRMINGHAM, Api.BIRMINGHAM_TRUST_KEY).status()).isEqualTo(200);
        assertThat(REQUEST_STATEMENTS.get()).isEqualTo(1);
    }

    private static List<String> rows(JsonNode report) {
        return StreamSupport.stream(report.get("rows").spliterator(), false)
                .map(r -> String.join(" ", r.get("year").asText(), r.get("notifications").asText(),
                        r.get("notifiedOnTime").asText(), r.get("rapidReviews").asText(), r.get("rapidReviewsOnTime").asText(),
                        r.get("panelConcurred").asText(), r.get("lcsprs").asText(), r.get("published").asText(),
                        r.get("publishedOnTime").asText(), r.get("embargoed").asText(), r.get("inProgress").asText()))
                .toList();
    }

    private static final String INSERT_NOTIFICATION = """
            INSERT INTO notification (id, trust_reference, local_authority, request_sha256, incident_type, occurred_on,
              aware_on, location, abuse_or_neglect, summary, notifier_name, notifier_role, notifier_email, late,
              received_at, received_by, rapid_review_decision, rapid_review_decided_on, panel_concurs, published_on)
            VALUES (?, ?, ?, ?, 'DEATH', ?, ?, 'IN_AREA', 'SUSPECTED', 'seeded', 'A. Officer', 'Head of Safeguarding',
              'a.officer@trust.example.org', ?, ?, 'seed', ?, ?, ?, ?)""";

    private static Object[] notificationRow(String authority, LocalDate awareOn, boolean late, String decision,
                                            Boolean concurs, String publishedOn) {
        String id = UUID.randomUUID().toString();
        return new Object[] {id, "SEED-" + id, authority, "0".repeat(64), awareOn, awareOn, late,
                OffsetDateTime.parse(awareOn + "T12:00:00Z"), decision, decision == null ? null : awareOn.plusDays(10),
                concurs, publishedOn == null ? null : LocalDate.parse(publishedOn)};
    }

    private void seed(String authority, String awareOn, boolean late, String decision, String rapidReviewState,
                      Boolean concurs, String publishedOn, String publicationState) {
        Object[] row = notificationRow(authority, LocalDate.parse(awareOn), late, decision, concurs, publishedOn);
        jdbc.update(INSERT_NOTIFICATION, row);
        clock((String) row[0], "RAPID_REVIEW", rapidReviewState);
        if (publicationState != null) {
            clock((String) row[0], "LCSPR_PUBLICATION", publicationState);
        }
    }

    private void clock(String notificationId, String clock, String state) {
        // deadlines in the future, so that the hub's breach sweep leaves the seeded states as they are
        jdbc.update("""
                        INSERT INTO statutory_clock (notification_id, clock, starts_on, deadline, calendar_covered, state)
                        VALUES (?, ?, ?, ?, TRUE, ?)""",
                notificationId, clock, LocalDate.parse("2023-01-01"), LocalDate.now().plusYears(1), state);
    }

    /** Counts the statements a request runs, by wrapping the hub's data source. */
    @TestConfiguration
    static class StatementCounting {

        @Bean
        static BeanPostProcessor countRequestStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)
                            ? new CountingDataSource(dataSource) : bean;
                }
            };
        }
    }

    static final class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                            if (Thread.currentThread().getName().contains("-exec-")) {
                                REQUEST_STATEMENTS.incrementAndGet();
                            }
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
