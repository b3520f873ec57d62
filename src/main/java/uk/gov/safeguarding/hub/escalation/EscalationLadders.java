package uk.gov.safeguarding.hub.escalation;

import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.clock.StatutoryDeadlines;
import uk.gov.safeguarding.hub.clock.WorkingDayCalendar;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The configured ladders, checked once at start-up, and when each rung falls due for a given deadline. */
public final class EscalationLadders {

    private final Map<ClockType, List<Rung>> ladders = new EnumMap<>(ClockType.class);
    private final WorkingDayCalendar calendar;

    public EscalationLadders(EscalationProperties properties, WorkingDayCalendar calendar) {
        this.calendar = calendar;
        properties.ladders().forEach((clock, rungs) -> {
            List<Rung> parsed = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            for (EscalationProperties.RungProperties rung : rungs) {
                Rung r = Rung.parse(rung.at(), emails(properties, clock, rung));
                if (!ids.add(r.id())) {
                    throw new IllegalStateException("Escalation ladder " + clock + " has rung " + r.id() + " twice");
                }
                parsed.add(r);
            }
            ladders.put(clock, List.copyOf(parsed));
        });
    }

    private static List<String> emails(EscalationProperties properties, ClockType clock,
                                       EscalationProperties.RungProperties rung) {
        if (rung.to() == null || rung.to().isEmpty()) {
            throw new IllegalStateException("Escalation rung " + clock + " '" + rung.at() + "' has no 'to'");
        }
        Set<String> emails = new LinkedHashSet<>();
        for (String contact : rung.to()) {
            List<String> addresses = properties.contacts().get(contact);
            if (addresses == null || addresses.isEmpty()) {
                throw new IllegalStateException("Escalation rung " + clock + " '" + rung.at()
                        + "' names contact group '" + contact + "', which hub.escalation.contacts does not define");
            }
            emails.addAll(addresses);
        }
        return List.copyOf(emails);
    }

    /** The rungs of a clock's ladder with the moments they fall due, earliest first. */
    public List<PlannedRung> plan(ClockType clock, LocalDate deadline) {
        return ladders.getOrDefault(clock, List.of()).stream()
                .map(rung -> new PlannedRung(rung, dueAt(rung, deadline)))
                .sorted(Comparator.comparing(PlannedRung::dueAt))
                .toList();
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
