package uk.gov.safeguarding.hub.escalation;

import org.junit.jupiter.api.Test;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.clock.WorkingDayCalendar;
import uk.gov.safeguarding.hub.routing.AuthorityRegister;

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

    /** Two authorities with the same contact groups and their own addresses. */
    private static final AuthorityRegister AUTHORITIES = new AuthorityRegister(Map.of(
            "E08000028", authority("Sandwell", "sandwell"), "E08000025", authority("Birmingham", "birmingham")));

    private static AuthorityRegister.Authority authority(String name, String domain) {
        return new AuthorityRegister.Authority(null, name,
                new AuthorityRegister.Partnership(name + " partnership", List.of("partnership@" + domain + ".example.org"), null),
                Map.of("officer", List.of("officer@" + domain + ".example.org"),
                        "manager", List.of("manager@" + domain + ".example.org", "officer@" + domain + ".example.org")));
    }

    private static EscalationProperties properties(List<EscalationProperties.RungProperties> rungs) {
        return new EscalationProperties(Map.of(ClockType.NOTIFICATION, rungs), null);
    }

    private static EscalationLadders ladders(List<EscalationProperties.RungProperties> rungs) {
        return new EscalationLadders(properties(rungs), AUTHORITIES, CALENDAR);
    }

    private static EscalationProperties.RungProperties rung(String at, String... to) {
        return new EscalationProperties.RungProperties(at, List.of(to));
    }

    @Test
    void rungsFallDueInWorkingDaysBeforeTheDeadlineAtTheirTimeInLondon() {
        EscalationLadders ladders = ladders(List.of(rung("breach", "manager"),
                rung("-2WD 09:00", "officer"), rung("0WD 09:00", "officer", "manager"), rung("-1WD 14:30", "manager")));

        // deadline Tue 29 Dec 2026: -1WD skips Mon 28 (substitute day), Sun, Sat, Fri 25 (Christmas) -> Thu 24
        List<EscalationLadders.PlannedRung> plan = ladders.plan(ClockType.NOTIFICATION, LocalDate.parse("2026-12-29"));

        assertThat(plan).extracting(p -> p.rung().id()).containsExactly("-2WD", "-1WD", "0WD", "breach");
        assertThat(plan).extracting(p -> p.dueAt().toOffsetDateTime()).containsExactly(
                OffsetDateTime.parse("2026-12-23T09:00Z"), OffsetDateTime.parse("2026-12-24T14:30Z"),
                OffsetDateTime.parse("2026-12-29T09:00Z"), OffsetDateTime.parse("2026-12-30T00:00Z"));
        assertThat(ladders.emails(plan.get(2).rung(), "E08000028"))
                .containsExactly("officer@sandwell.example.org", "manager@sandwell.example.org");
    }

    @Test
    void summerTimeRungsAreNineInTheMorningInLondon() {
        EscalationLadders ladders = ladders(List.of(rung("0WD 09:00", "officer")));
        assertThat(ladders.plan(ClockType.NOTIFICATION, LocalDate.parse("2026-07-01")).get(0).dueAt().toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse("2026-07-01T09:00+01:00"));
    }

    @Test
    void aClockWithoutALadderHasNoRungs() {
        EscalationLadders ladders = ladders(List.of(rung("0WD 09:00", "officer")));
        assertThat(ladders.plan(ClockType.RAPID_REVIEW, LocalDate.parse("2026-07-01"))).isEmpty();
    }

    @Test
    void misconfiguredLaddersAreRefusedAtStartUp() {
        assertThatThrownBy(() -> ladders(List.of(rung("+1WD 09:00", "officer"))))
                .hasMessageContaining("breach");
        assertThatThrownBy(() -> ladders(List.of(rung("tomorrow", "officer"))))
                .hasMessageContaining("tomorrow");
        assertThatThrownBy(() -> ladders(List.of(rung("-1WD 09:00", "nobody"))))
                .hasMessageContaining("hub.authorities.E08000025.contacts.nobody is missing");
        assertThatThrownBy(() -> ladders(List.of(rung("-1WD 09:00", "officer"),
                rung("-1WD 10:00", "manager")))).hasMessageContaining("twice");
    }

    @Test
    void eachAuthorityIsEscalatedToItsOwnContactsOnly() {
        EscalationLadders ladders = ladders(List.of(rung("-1WD 09:00", "officer", "manager")));
        Rung rung = ladders.plan(ClockType.NOTIFICATION, LocalDate.parse("2026-12-29")).get(0).rung();

        assertThat(ladders.emails(rung, "E08000028")).allMatch(e -> e.endsWith("@sandwell.example.org"));
        assertThat(ladders.emails(rung, "E08000025"))
                .containsExactly("officer@birmingham.example.org", "manager@birmingham.example.org");
    }

    @Test
    void aLadderNamingAGroupOneAuthorityLacksIsRefusedNamingTheProperty() {
        AuthorityRegister oneWithoutManager = new AuthorityRegister(Map.of("E08000028", authority("Sandwell", "sandwell"),
                "E08000025", new AuthorityRegister.Authority(null, "Birmingham", new AuthorityRegister.Partnership(
                        "Birmingham partnership", List.of("p@birmingham.example.org"), null),
                        Map.of("officer", List.of("officer@birmingham.example.org")))));

        assertThatThrownBy(() -> new EscalationLadders(properties(List.of(rung("0WD 09:00", "officer", "manager"))),
                oneWithoutManager, CALENDAR))
                .hasMessageContaining("hub.authorities.E08000025.contacts.manager is missing");
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
