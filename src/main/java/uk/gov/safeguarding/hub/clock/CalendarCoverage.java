package uk.gov.safeguarding.hub.clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Says out loud when a deadline had to be counted past the years the bank-holiday file covers:
 * a warning in the log and a DEGRADED health status, until an operator installs a newer file and restarts.
 */
@Component("calendarCoverage")
public class CalendarCoverage implements HealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED", "bank-holiday calendar does not cover a deadline");
    private static final Logger log = LoggerFactory.getLogger(CalendarCoverage.class);

    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final AtomicReference<LocalDate> lastUncoveredDeadline = new AtomicReference<>();

    public CalendarCoverage(WorkingDayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    public void check(ClockType clockType, LocalDate startsOn, StatutoryDeadlines.Deadline deadline) {
        if (!deadline.calendarCovered()) {
            lastUncoveredDeadline.set(deadline.date());
            log.warn("Deadline {} of clock {} starting {} was counted outside the bank-holiday calendar ({}-{}): "
                            + "bank holidays in that year are unknown. Install a newer config/bank-holidays.json.",
                    deadline.date(), clockType, startsOn, calendar.firstYear(), calendar.lastYear());
        }
    }

    @Override
    public Health health() {
        LocalDate today = LocalDate.now(clock.withZone(StatutoryDeadlines.LONDON));
        Health.Builder health = new Health.Builder()
                .withDetail("coveredYears", calendar.firstYear() + "-" + calendar.lastYear());
        LocalDate uncovered = lastUncoveredDeadline.get();
        if (uncovered != null) {
            return health.status(DEGRADED).withDetail("uncoveredDeadline", uncovered.toString()).build();
        }
        // a 15-working-day clock started today must still land inside the calendar
        if (!calendar.covers(today.plusWeeks(4))) {
            return health.status(DEGRADED).withDetail("reason", "calendar ends before the next statutory windows").build();
        }
        return health.up().build();
    }
}
