package uk.gov.safeguarding.hub.delivery;

/**
 * What a delivery carries (SPEC §11): the notification itself, or a step of the review stage. Every kind travels
 * the same way: outbox, broker, retries, acknowledgement link, dead-letter queue and audit.
 */
public enum DeliveryKind {
    /** the serious-incident notification, to every statutory recipient */
    NOTIFICATION("serious incident notification", "notification"),
    /** the rapid review's outcome, to the National Panel; delivering it meets the RAPID_REVIEW clock */
    RAPID_REVIEW_OUTCOME("rapid review outcome", "rapid-review-outcome"),
    /** the National Panel's response to the rapid review, to the authority's partnership */
    PANEL_RESPONSE("National Panel's response to the rapid review", "panel-response"),
    /** notice of the LCSPR's planned publication, to the National Panel and the Secretary of State */
    PUBLICATION_NOTICE("notice of the LCSPR's planned publication", "publication-notice");

    private final String label;
    private final String event;

    DeliveryKind(String label, String event) {
        this.label = label;
        this.event = event;
    }

    /** What people read: "rapid review outcome". */
    public String label() {
        return label;
    }

    /** The {@code event} of its webhook body. */
    public String event() {
        return event;
    }
}
