package uk.gov.safeguarding.hub.delivery;

import uk.gov.safeguarding.hub.Labels;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.mail.Letter;
import uk.gov.safeguarding.hub.notification.NotificationRepository;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a delivery's email says: the notification or a step of the review stage, with the minimum SPEC §7 allows
 * (references, authority, incident type, dates, deadline and the acknowledgement link; never the child's details).
 * The layout is the {@code email/letter} templates'.
 */
final class EmailComposer {

    Letter letter(DeliveryContent content) {
        // every link leads to a page for people (SPEC §10); systems acknowledge through the API they already use
        List<String> paragraphs = List.of("Opening the link changes nothing until you press Confirm.",
                "This email deliberately carries no details of the child. Authorised staff can read the full "
                        + "notification in the hub after signing in.");
        return new Letter(subject(content), null, false, heading(content), facts(content), null, List.of(), paragraphs,
                new Letter.Link("Acknowledge receipt of this " + content.kind().label(), content.acknowledgementUrl()),
                new Letter.Link("Read the notification in the hub", content.notificationPageUrl()), null);
    }

    static String subject(DeliveryContent content) {
        String about = content.trustReference() + ", " + content.localAuthorityLabel();
        return switch (content.kind()) {
            case NOTIFICATION -> "Serious incident notification " + about + ": " + Labels.incidentType(content.incidentType())
                    + (content.late() ? " [LATE]" : "");
            case RAPID_REVIEW_OUTCOME -> "Rapid review outcome for " + about + ": " + decision(content);
            case PANEL_RESPONSE -> "National Panel's response to the rapid review of " + about;
            case PUBLICATION_NOTICE -> "LCSPR publication planned for " + about + ": "
                    + Labels.day(content.reviewStage().plannedOn())
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

    private static Map<String, String> facts(DeliveryContent content) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Trust reference", content.trustReference());
        facts.put("Hub reference", content.notificationId());
        facts.put("Local authority", content.localAuthorityLabel());
        facts.put("Incident type", Labels.incidentType(content.incidentType()));
        facts.put("Occurred on", Labels.day(content.occurredOn()));
        facts.put("Local authority aware on", Labels.day(content.awareOn()));
        NotificationRepository.ReviewStage review = content.reviewStage();
        switch (content.kind()) {
            case NOTIFICATION -> facts.put("Notification due by", Labels.day(content.deadlines().get(ClockType.NOTIFICATION))
                    + " (5 working days)" + (content.late() ? " - this notification is late" : ""));
            case RAPID_REVIEW_OUTCOME -> {
                facts.put("Decision", decision(content));
                facts.put("Decided on", Labels.day(review.decidedOn()));
                LocalDate due = content.deadlines().get(ClockType.RAPID_REVIEW);
                if (due != null) {
                    facts.put("Rapid review due by", Labels.day(due) + " (15 working days)");
                }
            }
            case PANEL_RESPONSE -> {
                facts.put("Rapid review decision", decision(content) + ", decided on " + Labels.day(review.decidedOn()));
                facts.put("The Panel", Boolean.TRUE.equals(review.panelConcurs())
                        ? "concurs with the rapid review's decision" : "does not concur with the rapid review's decision");
                facts.put("Responded on", Labels.day(review.panelRespondedOn()));
                if (review.panelComment() != null) {
                    facts.put("Comment", "the Panel's comment can be read in the hub");
                }
            }
            case PUBLICATION_NOTICE -> {
                facts.put("Publication planned on", Labels.day(review.plannedOn()));
                facts.put("Notice given on", Labels.day(review.noticeGivenOn())
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
}
