package uk.gov.safeguarding.hub.clock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarCoverageTest {

    private static CalendarCoverage coverageOn(String instant) throws IOException {
        return new CalendarCoverage(WorkingDayCalendarTest.shippedDeadlines().calendar(),
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void healthIsUpWhileTheCalendarCoversWhatIsCounted() throws IOException {
        assertThat(coverageOn("2026-11-22T10:00:00Z").health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aDeadlineCountedPastTheCalendarTurnsHealthDegraded() throws IOException {
        CalendarCoverage coverage = coverageOn("2026-11-22T10:00:00Z");
        StatutoryDeadlines deadlines = WorkingDayCalendarTest.shippedDeadlines();
        LocalDate start = LocalDate.parse("2027-12-24");

        coverage.check(ClockType.NOTIFICATION, start, deadlines.deadline(ClockType.NOTIFICATION, start));

        assertThat(coverage.health().getStatus()).isEqualTo(CalendarCoverage.DEGRADED);
        assertThat(coverage.health().getDetails()).containsEntry("uncoveredDeadline", "2028-01-04");
    }

    @Test
    void aCalendarEndingBeforeTheNextStatutoryWindowsTurnsHealthDegraded() throws IOException {
        assertThat(coverageOn("2027-12-20T10:00:00Z").health().getStatus()).isEqualTo(CalendarCoverage.DEGRADED);
    }
}
