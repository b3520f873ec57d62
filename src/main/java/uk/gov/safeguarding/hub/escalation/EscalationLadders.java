package uk.gov.safeguarding.hub.escalation;

import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.clock.StatutoryDeadlines;
import uk.gov.safeguarding.hub.clock.WorkingDayCalendar;
import uk.gov.safeguarding.hub.routing.AuthorityRegister;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configured ladders, checked once at start-up against every registered authority's contact groups, and when
 * each rung falls due for a given deadline and whom it emails for a given authority.
 */
public final class EscalationLadders {

    private final Map<ClockType, List<Rung>> ladders = new EnumMap<>(ClockType.class);
    private final AuthorityRegister authorities;
    private final WorkingDayCalendar calendar;

    public EscalationLadders(EscalationProperties properties, AuthorityRegister authorities, WorkingDayCalendar calendar) {
        this.authorities = authorities;
        this.calendar = calendar;
        properties.ladders().forEach((clock, rungs) -> {
            List<Rung> parsed = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            for (EscalationProperties.RungProperties rung : rungs) {
                Rung r = Rung.parse(rung.at(), contacts(authorities, clock, rung));
                if (!ids.add(r.id())) {
                    throw new IllegalStateException("Escalation ladder " + clock + " has rung " + r.id() + " twice");
                }
                parsed.add(r);
            }
            ladders.put(clock, List.copyOf(parsed));
        });
    }

    private static List<String> contacts(AuthorityRegister authorities, ClockType clock,
                                         EscalationProperties.RungProperties rung) {
        if (rung.to() == null || rung.to().isEmpty()) {
            throw new IllegalStateException("Escalation rung " + clock + " '" + rung.at() + "' has no 'to'");
        }
        for (String group : rung.to()) {
            authorities.authorities().values().stream()
                    .filter(authority -> authority.contact(group).isEmpty())
                    .findFirst()
                    .ifPresent(authority -> {
                        throw new IllegalStateException("hub.authorities." + authority.code() + ".contacts." + group
                                + " is missing: escalation rung " + clock + " '" + rung.at() + "' emails contact group '"
                                + group + "', and every authority must define it");
                    });
        }
        return List.copyOf(rung.to());
    }

    /** The rungs of a clock's ladder with the moments they fall due, earliest first. */
    public List<PlannedRung> plan(ClockType clock, LocalDate deadline) {
        return ladders.getOrDefault(clock, List.of()).stream()
                .map(rung -> new PlannedRung(rung, dueAt(rung, deadline)))
                .sorted(Comparator.comparing(PlannedRung::dueAt))
                .toList();
    }

    /** The email addresses a rung reaches for a notification of {@code localAuthority}: its own contacts only. */
    public List<String> emails(Rung rung, String localAuthority) {
        AuthorityRegister.Authority authority = authorities.of(localAuthority);
        Set<String> emails = new LinkedHashSet<>();
        rung.contacts().forEach(group -> emails.addAll(authority.contact(group)));
        return List.copyOf(emails);
    }

    ZonedDateTime dueAt(Rung rung, LocalDate deadline) {
        if (rung.breach()) {
            return StatutoryDeadlines.closesAt(deadline).plusSeconds(1);
        }
        LocalDate day = calendar.minusWorkingDays(deadline, rung.workingDaysBefore()).date();
        return day.atTime(rung.at()).atZone(StatutoryDeadlines.LONDON);
    }

    public record PlannedRung(Rung rung, ZonedDateTime dueAt) {
    }
}
