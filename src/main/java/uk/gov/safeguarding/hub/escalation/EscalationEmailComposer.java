package uk.gov.safeguarding.hub.escalation;

import uk.gov.safeguarding.hub.Labels;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.mail.Letter;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an escalation email says (SPEC §5): what is due or overdue, for which notification, the deadline, the time
 * left, who has not acknowledged and what to do. The layout is the {@code email/letter} templates'.
 */
final class EscalationEmailComposer {

    /** @param localAuthority as people read it: "Sandwell (E08000028)" */
    record Escalation(String notificationId, String trustReference, String localAuthority, String incidentType,
                      ClockType clock, String rung, LocalDate deadline, int workingDaysLeft, boolean breached,
                      List<String> outstanding, String notificationUrl, String openClocksUrl) {
    }

    Letter letter(Escalation e) {
        return new Letter(subject(e), headline(e), e.breached(), duty(e.clock()), facts(e), "Still outstanding",
                e.outstanding(), List.of("What to do: " + whatToDo(e.clock())),
                new Letter.Link("Open the notification in the hub", e.notificationUrl()),
                new Letter.Link("Everything open and overdue", e.openClocksUrl()),
                "This email carries no details of the child.");
    }

    static String subject(Escalation e) {
        String state = e.breached() ? "OVERDUE" : e.workingDaysLeft() == 0 ? "DUE TODAY" : "DUE SOON";
        return "[" + state + "] " + duty(e.clock()) + " for " + e.trustReference() + ", " + e.localAuthority()
                + ", deadline " + Labels.day(e.deadline());
    }

    private static String headline(Escalation e) {
        if (e.breached()) {
            return "The statutory deadline has passed: " + duty(e.clock()).toLowerCase(Locale.UK) + " is overdue.";
        }
        if (e.workingDaysLeft() == 0) {
            return "The statutory window closes today at 23:59: " + duty(e.clock()).toLowerCase(Locale.UK) + ".";
        }
        return e.workingDaysLeft() + " working day" + (e.workingDaysLeft() == 1 ? "" : "s") + " left: "
                + duty(e.clock()).toLowerCase(Locale.UK) + ".";
    }

    private static Map<String, String> facts(Escalation e) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Trust reference", e.trustReference());
        facts.put("Hub reference", e.notificationId());
        facts.put("Local authority", e.localAuthority());
        facts.put("Incident type", Labels.incidentType(e.incidentType()));
        facts.put("Statutory duty", duty(e.clock()));
        facts.put("Deadline", Labels.day(e.deadline()) + " at 23:59 (UK time)");
        facts.put("Time left", e.breached() || e.workingDaysLeft() < 0
                ? "overdue by " + Math.max(1, -e.workingDaysLeft()) + " working day(s)"
                : e.workingDaysLeft() + " working day(s)");
        facts.put("Escalation step", e.rung());
        return facts;
    }

    private static String duty(ClockType clock) {
        return switch (clock) {
            case NOTIFICATION -> "Notification within 5 working days";
            case RAPID_REVIEW -> "Rapid review within 15 working days";
            case LCSPR_PUBLICATION -> "LCSPR publication within 6 months";
        };
    }

    private static String whatToDo(ClockType clock) {
        return switch (clock) {
            case NOTIFICATION -> "Contact each agency listed above and ask them to acknowledge the notification "
                    + "(the link in their email, or the hub API). If an email or webhook failed, ask operations to "
                    + "check the dead-letter console.";
            case RAPID_REVIEW -> "Complete the rapid review with the safeguarding partners and record its outcome "
                    + "(LCSPR or no LCSPR) in the hub, so that it reaches the National Panel.";
            case LCSPR_PUBLICATION -> "Complete and publish the Local Child Safeguarding Practice Review, then record "
                    + "the publication date in the hub. If proceedings hold publication back, record the embargo.";
        };
    }
}
