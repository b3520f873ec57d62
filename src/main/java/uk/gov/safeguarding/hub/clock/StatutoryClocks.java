package uk.gov.safeguarding.hub.clock;

import org.springframework.stereotype.Service;
import uk.gov.safeguarding.hub.audit.AuditEvent;
import uk.gov.safeguarding.hub.audit.AuditTrail;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/** Starts the statutory clocks of a notification and says when their windows close. */
@Service
public class StatutoryClocks {

    private final StatutoryDeadlines deadlines;
    private final ClockRepository clocks;
    private final CalendarCoverage coverage;
    private final AuditTrail audit;
    private final Clock clock;

    StatutoryClocks(StatutoryDeadlines deadlines, ClockRepository clocks, CalendarCoverage coverage, AuditTrail audit,
                    Clock clock) {
        this.deadlines = deadlines;
        this.clocks = clocks;
        this.coverage = coverage;
        this.audit = audit;
        this.clock = clock;
    }

    public StatutoryDeadlines.Deadline deadline(ClockType type, LocalDate startsOn) {
        StatutoryDeadlines.Deadline deadline = deadlines.deadline(type, startsOn);
        coverage.check(type, startsOn, deadline);
        return deadline;
    }

    /** Whether a window that closes on {@code deadline} has already closed now. */
    public boolean hasClosed(LocalDate deadline) {
        return ZonedDateTime.now(clock).isAfter(StatutoryDeadlines.closesAt(deadline));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(StatutoryDeadlines.LONDON));
    }

    /** Starts a clock (once: a second start is ignored) and audits it. */
    public void start(String notificationId, ClockType type, LocalDate startsOn, String actor) {
        StatutoryDeadlines.Deadline deadline = deadline(type, startsOn);
        if (clocks.startIfAbsent(notificationId, type, startsOn, deadline)) {
            audit.record(notificationId, AuditEvent.CLOCK_STARTED, actor,
                    type + " from " + startsOn + ", deadline " + deadline.date()
                            + (deadline.calendarCovered() ? "" : " (beyond the bank-holiday calendar)"));
        }
    }
}
