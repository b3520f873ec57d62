package uk.gov.safeguarding.hub.clock;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The deadlines of SPEC §3. A deadline is a day; its window closes at 23:59:59 Europe/London on that day.
 */
public final class StatutoryDeadlines {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final int NOTIFICATION_WORKING_DAYS = 5;
    static final int RAPID_REVIEW_WORKING_DAYS = 15;
    static final int PUBLICATION_MONTHS = 6;
    private static final LocalTime WINDOW_CLOSES = LocalTime.of(23, 59, 59);

    private final WorkingDayCalendar calendar;

    public StatutoryDeadlines(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    public Deadline deadline(ClockType clock, LocalDate startsOn) {
        return switch (clock) {
            case NOTIFICATION -> workingDays(startsOn, NOTIFICATION_WORKING_DAYS);
            case RAPID_REVIEW -> workingDays(startsOn, RAPID_REVIEW_WORKING_DAYS);
            // plusMonths keeps the day of month or falls back to the month's last day (31 Aug -> end of Feb)
            case LCSPR_PUBLICATION -> new Deadline(startsOn.plusMonths(PUBLICATION_MONTHS), true);
        };
    }

    private Deadline workingDays(LocalDate startsOn, int days) {
        WorkingDayCalendar.CalendarDate date = calendar.addWorkingDays(startsOn, days);
        return new Deadline(date.date(), date.covered());
    }

    public static ZonedDateTime closesAt(LocalDate deadline) {
        return deadline.atTime(WINDOW_CLOSES).atZone(LONDON);
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    /** A deadline day, and whether the bank-holiday calendar covered every day counted to reach it. */
    public record Deadline(LocalDate date, boolean calendarCovered) {
    }
}
