package uk.gov.safeguarding.hub.clock;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days in England and Wales: Monday to Friday except the bank holidays it was given.
 * It knows which years its holiday list covers, so that a caller can tell a computed date from a guess.
 */
public final class WorkingDayCalendar {

    private final Set<LocalDate> bankHolidays;
    private final int firstYear;
    private final int lastYear;

    public WorkingDayCalendar(Collection<LocalDate> bankHolidays) {
        if (bankHolidays.isEmpty()) {
            throw new IllegalArgumentException("A working-day calendar needs at least one bank holiday");
        }
        TreeSet<LocalDate> sorted = new TreeSet<>(bankHolidays);
        this.bankHolidays = Set.copyOf(sorted);
        this.firstYear = sorted.first().getYear();
        this.lastYear = sorted.last().getYear();
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !bankHolidays.contains(day);
    }

    /**
     * The N-th working day after {@code start}; the start itself is day 0 whatever day it is (SPEC §3).
     */
    public CalendarDate addWorkingDays(LocalDate start, int workingDays) {
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return new CalendarDate(day, covers(start) && covers(day));
    }

    /** The N-th working day before {@code end}; {@code end} itself is day 0. */
    public CalendarDate minusWorkingDays(LocalDate end, int workingDays) {
        LocalDate day = end;
        int counted = 0;
        while (counted < workingDays) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return new CalendarDate(day, covers(day) && covers(end));
    }

    /** Working days from {@code from} (exclusive) to {@code to} (inclusive); negative when {@code to} is earlier. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    public boolean covers(LocalDate day) {
        return day.getYear() >= firstYear && day.getYear() <= lastYear;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }

    /** A date computed from the calendar, and whether every day it depended on was within the calendar's years. */
    public record CalendarDate(LocalDate date, boolean covered) {
    }
}
