package uk.gov.safeguarding.hub.clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.safeguarding.hub.audit.AuditEvent;
import uk.gov.safeguarding.hub.audit.AuditTrail;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Starts, meets and breaches the statutory clocks of a notification (SPEC §3), and says when windows close. */
@Service
public class StatutoryClocks {

    private final StatutoryDeadlines deadlines;
    private final ClockRepository clocks;
    private final CalendarCoverage coverage;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;

    StatutoryClocks(StatutoryDeadlines deadlines, ClockRepository clocks, CalendarCoverage coverage, AuditTrail audit,
                    ApplicationEventPublisher events, Clock clock, MeterRegistry meters) {
        this.deadlines = deadlines;
        this.clocks = clocks;
        this.coverage = coverage;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Whether the window of a clock starting on {@code startsOn} has already closed now. Calendar coverage is
     * reported when the clock is started, not here.
     */
    public boolean hasClosed(ClockType type, LocalDate startsOn) {
        return hasClosed(deadlines.deadline(type, startsOn).date());
    }

    /** Whether a window that closes on {@code deadline} has already closed now. */
    public boolean hasClosed(LocalDate deadline) {
        return ZonedDateTime.now(clock).isAfter(StatutoryDeadlines.closesAt(deadline));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(StatutoryDeadlines.LONDON));
    }

    /**
     * Starts a clock of a notification of {@code localAuthority} (once: a second start is ignored) and audits it;
     * returns the deadline this start computes.
     */
    public LocalDate start(String notificationId, String localAuthority, ClockType type, LocalDate startsOn, String actor) {
        return start(notificationId, localAuthority, type, startsOn, actor, false);
    }

    /**
     * As {@link #start}, for a notification stored in the current transaction: it has no clock yet, so none is
     * looked up first (a query per intake).
     */
    public LocalDate startForNewNotification(String notificationId, String localAuthority, ClockType type,
                                             LocalDate startsOn, String actor) {
        return start(notificationId, localAuthority, type, startsOn, actor, true);
    }

    private LocalDate start(String notificationId, String localAuthority, ClockType type, LocalDate startsOn,
                            String actor, boolean newNotification) {
        StatutoryDeadlines.Deadline deadline = deadlines.deadline(type, startsOn);
        coverage.check(type, startsOn, deadline);
        if (clocks.startIfAbsent(notificationId, type, startsOn, deadline, newNotification)) {
            audit.record(notificationId, AuditEvent.CLOCK_STARTED, actor,
                    type + " from " + startsOn + ", deadline " + deadline.date()
                            + (deadline.calendarCovered() ? "" : " (beyond the bank-holiday calendar)"));
            events.publishEvent(new ClockEvents.Started(notificationId, localAuthority, type, deadline.date()));
        }
        return deadline.date();
    }

    /**
     * Records that a clock's duty is done. A running clock becomes MET; a breached one keeps BREACHED and gains
     * the time it was finally met. Either way no further escalation fires.
     */
    public void meet(String notificationId, ClockType type, String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (clocks.meet(notificationId, type, now)) {
            audit.record(notificationId, AuditEvent.CLOCK_MET, actor, type.name());
            events.publishEvent(new ClockEvents.Met(notificationId, type));
        }
    }

    /** Pauses a clock (an embargoed publication): no rung fires and no breach is recorded until it resumes. */
    public boolean pause(String notificationId, ClockType type, String actor, String detail) {
        if (!clocks.pause(notificationId, type)) {
            return false;
        }
        audit.record(notificationId, AuditEvent.CLOCK_PAUSED, actor, type + " " + detail);
        events.publishEvent(new ClockEvents.Paused(notificationId, type));
        return true;
    }

    /**
     * Resumes a paused clock with its deadline moved on by the calendar days it was paused; the new deadline, or
     * empty when the clock was not paused.
     */
    public Optional<LocalDate> resume(String notificationId, String localAuthority, ClockType type, long daysPaused,
                                      String actor) {
        ClockRepository.StoredClock paused = clocks.find(notificationId, type).filter(ClockRepository.StoredClock::paused)
                .orElse(null);
        if (paused == null) {
            return Optional.empty();
        }
        LocalDate deadline = paused.deadline().plusDays(daysPaused);
        if (!clocks.resume(notificationId, type, deadline)) {
            return Optional.empty();
        }
        audit.record(notificationId, AuditEvent.CLOCK_RESUMED, actor, type + " after " + daysPaused
                + " calendar day(s) paused: deadline moved from " + paused.deadline() + " to " + deadline);
        events.publishEvent(new ClockEvents.Resumed(notificationId, localAuthority, type, deadline));
        return Optional.of(deadline);
    }

    /** Marks every running clock whose window has closed as BREACHED, each once however many instances sweep. */
    @Transactional
    public void breachOverdue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (ClockRepository.StoredClock overdue : clocks.runningWithDeadlineBefore(today())) {
            if (clocks.breach(overdue.notificationId(), overdue.clock(), now)) {
                audit.record(overdue.notificationId(), AuditEvent.CLOCK_BREACHED, AuditTrail.HUB,
                        overdue.clock() + " deadline " + overdue.deadline() + " passed unmet");
                meters.counter("hub.clock.breaches", "clock", overdue.clock().name()).increment();
            }
        }
    }
}
