package uk.gov.safeguarding.hub.escalation;

import org.junit.jupiter.api.Test;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.clock.WorkingDayCalendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EscalationLaddersTest {

    // Christmas 2026: Fri 25 Dec, Boxing Day substitute Mon 28 Dec; New Year Fri 1 Jan 2027
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(List.of(
            LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-01")));

    private static EscalationProperties properties(List<EscalationProperties.RungProperties> rungs) {
        return new EscalationProperties(Map.of("officer", List.of("officer@example.org"),
                "manager", List.of("manager@example.org", "officer@example.org")),
                Map.of(ClockType.NOTIFICATION, rungs), null);
    }

    private static EscalationProperties.RungProperties rung(String at, String... to) {
        return new EscalationProperties.RungProperties(at, List.of(to));
    }

    @Test
    void rungsFallDueInWorkingDaysBeforeTheDeadlineAtTheirTimeInLondon() {
        EscalationLadders ladders = new EscalationLadders(properties(List.of(rung("breach", "manager"),
                rung("-2WD 09:00", "officer"), rung("0WD 09:00", "officer", "manager"), rung("-1WD 14:30", "manager"))), CALENDAR);

        // deadline Tue 29 Dec 2026: -1WD skips Mon 28 (substitute day), Sun, Sat, Fri 25 (Christmas) -> Thu 24
        List<EscalationLadders.PlannedRung> plan = ladders.plan(ClockType.NOTIFICATION, LocalDate.parse("2026-12-29"));

        assertThat(plan).extracting(p -> p.rung().id()).containsExactly("-2WD", "-1WD", "0WD", "breach");
        assertThat(plan).extracting(p -> p.dueAt().toOffsetDateTime()).containsExactly(
                OffsetDateTime.parse("2026-12-23T09:00Z"), OffsetDateTime.parse("2026-12-24T14:30Z"),
                OffsetDateTime.parse("2026-12-29T09:00Z"), OffsetDateTime.parse("2026-12-30T00:00Z"));
        assertThat(plan.get(2).rung().emails()).containsExactly("officer@example.org", "manager@example.org");
    }

    @Test
    void summerTimeRungsAreNineInTheMorningInLondon() {
        EscalationLadders ladders = new EscalationLadders(properties(List.of(rung("0WD 09:00", "officer"))), CALENDAR);
        assertThat(ladders.plan(ClockType.NOTIFICATION, LocalDate.parse("2026-07-01")).get(0).dueAt().toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse("2026-07-01T09:00+01:00"));
    }

    @Test
    void aClockWithoutALadderHasNoRungs() {
        EscalationLadders ladders = new EscalationLadders(properties(List.of(rung("0WD 09:00", "officer"))), CALENDAR);
        assertThat(ladders.plan(ClockType.RAPID_REVIEW, LocalDate.parse("2026-07-01"))).isEmpty();
    }

    @Test
    void misconfiguredLaddersAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new EscalationLadders(properties(List.of(rung("+1WD 09:00", "officer"))), CALENDAR))
                .hasMessageContaining("breach");
        assertThatThrownBy(() -> new EscalationLadders(properties(List.of(rung("tomorrow", "officer"))), CALENDAR))
                .hasMessageContaining("tomorrow");
        assertThatThrownBy(() -> new EscalationLadders(properties(List.of(rung("-1WD 09:00", "nobody"))), CALENDAR))
                .hasMessageContaining("nobody");
        assertThatThrownBy(() -> new EscalationLadders(properties(List.of(rung("-1WD 09:00", "officer"),
                rung("-1WD 10:00", "manager"))), CALENDAR)).hasMessageContaining("twice");
    }

    @Test
    void ofSeveralDueRungsOnlyTheHighestFires() {
        OffsetDateTime base = OffsetDateTime.parse("2026-11-24T09:00Z");
        List<OffsetDateTime> due = List.of(base, base.plusDays(1), base.plusDays(2));
        LateStartPolicy.Choice<OffsetDateTime> choice = LateStartPolicy.choose(due, t -> t);
        assertThat(choice.fire()).isEqualTo(base.plusDays(2));
        assertThat(choice.skip()).containsExactly(base, base.plusDays(1));
    }
}
