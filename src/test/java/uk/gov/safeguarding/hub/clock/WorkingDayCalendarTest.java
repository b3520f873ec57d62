package uk.gov.safeguarding.hub.clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Calendar arithmetic on hard dates, against the bank-holiday file the hub ships in config/. */
class WorkingDayCalendarTest {

    static StatutoryDeadlines shippedDeadlines() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("config", "bank-holidays.json"))) {
            return new StatutoryDeadlines(new WorkingDayCalendar(BankHolidayFeed.englandAndWales(in, new ObjectMapper())));
        }
    }

    @ParameterizedTest(name = "aware {0} -> notify by {1}")
    @CsvSource({
            // SPEC §3 example: 25, 26 Dec and 1 Jan are holidays
            "2023-12-22, 2024-01-03",
            // an ordinary week: Thursday + 5 -> next Thursday
            "2026-11-19, 2026-11-26",
            // aware on a Saturday: day 0 whatever day it is
            "2026-11-21, 2026-11-27",
            // aware on a bank holiday (Easter Monday 2026)
            "2026-04-06, 2026-04-13",
            // Easter 2024: Good Friday 29 Mar and Easter Monday 1 Apr
            "2024-03-27, 2024-04-05",
            // Christmas 2022: Boxing Day 26 Dec, Christmas substitute 27 Dec, New Year substitute 2 Jan 2023
            "2022-12-23, 2023-01-04",
            // 2021: Christmas and Boxing Day substitutes on 27 and 28 Dec
            "2021-12-24, 2022-01-05",
            // 2022 one-off days: Spring bank holiday moved to 2 Jun, Platinum Jubilee 3 Jun
            "2022-06-01, 2022-06-10",
            // 2022 one-off: State Funeral 19 Sep
            "2022-09-16, 2022-09-26",
            // 2023 one-off: Coronation 8 May (and Early May 1 May)
            "2023-05-05, 2023-05-15",
            // 2027: Christmas on a Saturday, substitutes on 27 and 28 Dec
            "2027-12-22, 2027-12-31"
    })
    void notificationDeadlineIsTheFifthWorkingDayAfterAwareness(LocalDate awareOn, LocalDate expected) throws IOException {
        assertThat(shippedDeadlines().deadline(ClockType.NOTIFICATION, awareOn).date()).isEqualTo(expected);
    }

    @Test
    void rapidReviewIsFifteenWorkingDays() throws IOException {
        // 15 working days from Monday 15 Dec 2025 skip Christmas, Boxing Day and New Year's Day
        assertThat(shippedDeadlines().deadline(ClockType.RAPID_REVIEW, LocalDate.parse("2025-12-15")).date())
                .isEqualTo(LocalDate.parse("2026-01-08"));
    }

    @ParameterizedTest(name = "decided {0} -> publish by {1}")
    @CsvSource({"2026-08-31, 2027-02-28", "2027-08-31, 2028-02-29", "2026-03-15, 2026-09-15", "2026-12-31, 2027-06-30"})
    void publicationIsSixCalendarMonthsWithEndOfMonthClamping(LocalDate decidedOn, LocalDate expected) throws IOException {
        assertThat(shippedDeadlines().deadline(ClockType.LCSPR_PUBLICATION, decidedOn).date()).isEqualTo(expected);
    }

    @Test
    void aDeadlineCountedPastTheCalendarSaysItIsNotCovered() throws IOException {
        StatutoryDeadlines deadlines = shippedDeadlines();
        assertThat(deadlines.deadline(ClockType.NOTIFICATION, LocalDate.parse("2027-11-01")).calendarCovered()).isTrue();
        // 2027-12-24 + 5 working days reaches January 2028, past the last year the file covers: the hub cannot
        // know that 3 Jan 2028 is the New Year substitute day, so it must flag the date rather than trust it
        StatutoryDeadlines.Deadline uncovered = deadlines.deadline(ClockType.NOTIFICATION, LocalDate.parse("2027-12-24"));
        assertThat(uncovered.calendarCovered()).isFalse();
        assertThat(uncovered.date()).isEqualTo(LocalDate.parse("2028-01-04"));
    }

    @Test
    void theShippedCalendarCoversEveryYearFrom2018To2027() throws IOException {
        WorkingDayCalendar calendar = shippedDeadlines().calendar();
        assertThat(calendar.firstYear()).isEqualTo(2018);
        assertThat(calendar.lastYear()).isEqualTo(2027);
        for (int year = 2018; year <= 2027; year++) {
            assertThat(calendar.isWorkingDay(LocalDate.of(year, 12, 25))).isFalse();
        }
    }

    @Test
    void closesAtOneSecondBeforeMidnightLondonTime() {
        assertThat(StatutoryDeadlines.closesAt(LocalDate.parse("2026-07-01")).toOffsetDateTime().toString())
                .isEqualTo("2026-07-01T23:59:59+01:00");
        assertThat(StatutoryDeadlines.closesAt(LocalDate.parse("2026-12-01")).toOffsetDateTime().toString())
                .isEqualTo("2026-12-01T23:59:59Z");
    }
}
