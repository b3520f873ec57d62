package uk.gov.safeguarding.hub.delivery;

import org.springframework.web.util.HtmlUtils;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Writes the notification email: the minimum SPEC §7 allows, in plain text and HTML, readable on a phone. */
public final class EmailComposer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    public String subject(DeliveryContent content) {
        return "Serious incident notification " + content.trustReference() + ", " + content.localAuthorityLabel() + ": "
                + incidentType(content) + (content.late() ? " [LATE]" : "");
    }

    public String text(DeliveryContent content) {
        StringBuilder text = new StringBuilder();
        text.append("Serious child safeguarding incident notification\n\n");
        facts(content).forEach((label, value) -> text.append(label).append(": ").append(value).append('\n'));
        text.append("\nPlease acknowledge receipt by opening this link and confirming:\n")
                .append(content.acknowledgementUrl()).append('\n')
                .append("\nOpening the link changes nothing until you press Confirm. Systems can acknowledge with\n")
                .append("POST ").append(content.notificationApiUrl()).append("/acknowledgements\n")
                .append("\nThis email deliberately carries no details of the child. Authorised staff can read the full\n")
                .append("notification through the hub: ").append(content.notificationApiUrl()).append('\n');
        return text.toString();
    }

    public String html(DeliveryContent content) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(subject(content))).append("</title></head>")
                .append("<body style=\"font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; max-width: 40em;\">")
                .append("<h1 style=\"font-size: 22px;\">Serious child safeguarding incident notification</h1>")
                .append("<table style=\"border-collapse: collapse;\">");
        facts(content).forEach((label, value) -> html.append("<tr><th scope=\"row\" style=\"text-align: left; padding: 4px 12px 4px 0; vertical-align: top;\">")
                .append(escape(label)).append("</th><td style=\"padding: 4px 0;\">").append(escape(value)).append("</td></tr>"));
        html.append("</table>")
                .append("<p><a href=\"").append(escape(content.acknowledgementUrl()))
                .append("\" style=\"display: inline-block; background: #00703c; color: #ffffff; padding: 10px 16px; text-decoration: none; font-weight: bold;\">")
                .append("Acknowledge receipt</a></p>")
                .append("<p>Opening the link changes nothing until you press Confirm.</p>")
                .append("<p>This email deliberately carries no details of the child. Authorised staff can read the full notification through the hub.</p>")
                .append("</body></html>");
        return html.toString();
    }

    private static Map<String, String> facts(DeliveryContent content) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Trust reference", content.trustReference());
        facts.put("Hub reference", content.notificationId());
        facts.put("Local authority", content.localAuthorityLabel());
        facts.put("Incident type", incidentType(content));
        facts.put("Occurred on", DAY.format(content.occurredOn()));
        facts.put("Local authority aware on", DAY.format(content.awareOn()));
        facts.put("Notification due by", DAY.format(content.notificationDeadline())
                + " (5 working days)" + (content.late() ? " - this notification is late" : ""));
        facts.put("Sent to you as", content.recipientName());
        return facts;
    }

    private static String incidentType(DeliveryContent content) {
        return "DEATH".equals(content.incidentType()) ? "Death of a child" : "Serious harm to a child";
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value);
    }
}
