package uk.gov.safeguarding.hub.escalation;

import org.springframework.web.util.HtmlUtils;
import uk.gov.safeguarding.hub.clock.ClockType;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an escalation email (SPEC §5): what is due or overdue, for which notification, the deadline, the time
 * left, who has not acknowledged and what to do. Plain text and a single-column HTML page readable on a phone.
 */
final class EscalationEmailComposer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    /** @param localAuthority as people read it: "Sandwell (E08000028)" */
    record Escalation(String notificationId, String trustReference, String localAuthority, String incidentType,
                      ClockType clock, String rung, LocalDate deadline, int workingDaysLeft, boolean breached,
                      List<String> outstanding, String notificationUrl) {
    }

    String subject(Escalation e) {
        String state = e.breached() ? "OVERDUE" : e.workingDaysLeft() == 0 ? "DUE TODAY" : "DUE SOON";
        return "[" + state + "] " + duty(e.clock()) + " for " + e.trustReference() + ", " + e.localAuthority()
                + ", deadline " + DAY.format(e.deadline());
    }

    String text(Escalation e) {
        StringBuilder text = new StringBuilder();
        text.append(headline(e)).append("\n\n");
        facts(e).forEach((label, value) -> text.append(label).append(": ").append(value).append('\n'));
        text.append("\nStill outstanding:\n");
        e.outstanding().forEach(o -> text.append("  - ").append(o).append('\n'));
        text.append("\nWhat to do: ").append(whatToDo(e.clock())).append('\n')
                .append("\nNotification in the hub: ").append(e.notificationUrl()).append('\n')
                .append("\nThis email carries no details of the child.\n");
        return text.toString();
    }

    String html(Escalation e) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(subject(e))).append("</title></head>")
                .append("<body style=\"font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; max-width: 40em; margin: 0 auto; padding: 8px;\">")
                .append("<p style=\"background: ").append(e.breached() ? "#d4351c" : "#f47738")
                .append("; color: #ffffff; font-weight: bold; padding: 8px 12px;\">").append(escape(headline(e))).append("</p>")
                .append("<dl>");
        facts(e).forEach((label, value) -> html.append("<dt style=\"font-weight: bold;\">").append(escape(label))
                .append("</dt><dd style=\"margin: 0 0 8px 0;\">").append(escape(value)).append("</dd>"));
        html.append("</dl><h2 style=\"font-size: 18px;\">Still outstanding</h2><ul>");
        e.outstanding().forEach(o -> html.append("<li>").append(escape(o)).append("</li>"));
        html.append("</ul><h2 style=\"font-size: 18px;\">What to do</h2><p>").append(escape(whatToDo(e.clock()))).append("</p>")
                .append("<p><a href=\"").append(escape(e.notificationUrl())).append("\">Open the notification in the hub</a></p>")
                .append("<p style=\"color: #505a5f;\">This email carries no details of the child.</p></body></html>");
        return html.toString();
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
        facts.put("Incident type", "DEATH".equals(e.incidentType()) ? "Death of a child" : "Serious harm to a child");
        facts.put("Statutory duty", duty(e.clock()));
        facts.put("Deadline", DAY.format(e.deadline()) + " at 23:59 (UK time)");
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
                    + "the publication date in the hub.";
        };
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value);
    }
}
