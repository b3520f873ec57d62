package uk.gov.safeguarding.hub.delivery;

import org.springframework.web.util.HtmlUtils;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.notification.NotificationRepository;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a delivery's email: the notification or a step of the review stage, with the minimum SPEC §7 allows, in
 * plain text and HTML, readable on a phone.
 */
public final class EmailComposer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    public String subject(DeliveryContent content) {
        String about = content.trustReference() + ", " + content.localAuthorityLabel();
        return switch (content.kind()) {
            case NOTIFICATION -> "Serious incident notification " + about + ": " + incidentType(content)
                    + (content.late() ? " [LATE]" : "");
            case RAPID_REVIEW_OUTCOME -> "Rapid review outcome for " + about + ": " + decision(content);
            case PANEL_RESPONSE -> "National Panel's response to the rapid review of " + about;
            case PUBLICATION_NOTICE -> "LCSPR publication planned for " + about + ": "
                    + DAY.format(content.reviewStage().plannedOn())
                    + (Boolean.TRUE.equals(content.reviewStage().noticeLate()) ? " [LATE NOTICE]" : "");
        };
    }

    private static String heading(DeliveryContent content) {
        return switch (content.kind()) {
            case NOTIFICATION -> "Serious child safeguarding incident notification";
            case RAPID_REVIEW_OUTCOME -> "Rapid review outcome";
            case PANEL_RESPONSE -> "The National Panel's response to the rapid review";
            case PUBLICATION_NOTICE -> "Notice of a Local Child Safeguarding Practice Review's publication";
        };
    }

    public String text(DeliveryContent content) {
        StringBuilder text = new StringBuilder();
        text.append(heading(content)).append("\n\n");
        facts(content).forEach((label, value) -> text.append(label).append(": ").append(value).append('\n'));
        text.append("\nPlease acknowledge receipt of this ").append(content.kind().label())
                .append(" by opening this link and confirming:\n")
                .append(content.acknowledgementUrl()).append('\n')
                .append("\nOpening the link changes nothing until you press Confirm.\n");
        if (content.kind() == DeliveryKind.NOTIFICATION) {
            text.append("Systems can acknowledge with POST ").append(content.notificationApiUrl()).append("/acknowledgements\n");
        }
        text.append("\nThis email deliberately carries no details of the child. Authorised staff can read the full\n")
                .append("notification through the hub: ").append(content.notificationApiUrl()).append('\n');
        return text.toString();
    }

    public String html(DeliveryContent content) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(subject(content))).append("</title></head>")
                .append("<body style=\"font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; max-width: 40em;\">")
                .append("<h1 style=\"font-size: 22px;\">").append(escape(heading(content))).append("</h1>")
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
        NotificationRepository.ReviewStage review = content.reviewStage();
        switch (content.kind()) {
            case NOTIFICATION -> facts.put("Notification due by", DAY.format(content.deadlines().get(ClockType.NOTIFICATION))
                    + " (5 working days)" + (content.late() ? " - this notification is late" : ""));
            case RAPID_REVIEW_OUTCOME -> {
                facts.put("Decision", decision(content));
                facts.put("Decided on", DAY.format(review.decidedOn()));
                LocalDate due = content.deadlines().get(ClockType.RAPID_REVIEW);
                if (due != null) {
                    facts.put("Rapid review due by", DAY.format(due) + " (15 working days)");
                }
            }
            case PANEL_RESPONSE -> {
                facts.put("Rapid review decision", decision(content) + ", decided on " + DAY.format(review.decidedOn()));
                facts.put("The Panel", Boolean.TRUE.equals(review.panelConcurs())
                        ? "concurs with the rapid review's decision" : "does not concur with the rapid review's decision");
                facts.put("Responded on", DAY.format(review.panelRespondedOn()));
                if (review.panelComment() != null) {
                    facts.put("Comment", "the Panel's comment can be read in the hub");
                }
            }
            case PUBLICATION_NOTICE -> {
                facts.put("Publication planned on", DAY.format(review.plannedOn()));
                facts.put("Notice given on", DAY.format(review.noticeGivenOn())
                        + (Boolean.TRUE.equals(review.noticeLate()) ? " - fewer than 7 working days before publication (late)" : ""));
            }
        }
        facts.put("Sent to you as", content.recipientName());
        return facts;
    }

    private static String decision(DeliveryContent content) {
        return "LCSPR".equals(content.reviewStage().decision())
                ? "a Local Child Safeguarding Practice Review (LCSPR) will be carried out" : "no LCSPR";
    }

    private static String incidentType(DeliveryContent content) {
        return "DEATH".equals(content.incidentType()) ? "Death of a child" : "Serious harm to a child";
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value);
    }
}
