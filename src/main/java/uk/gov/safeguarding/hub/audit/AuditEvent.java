package uk.gov.safeguarding.hub.audit;

/** The state changes SPEC §7 requires to be audited. */
public enum AuditEvent {
    RECEIVED, ROUTED, CLOCK_STARTED, SENT, FAILED, DEAD_LETTERED, RETRIED, DISCARDED, ACKNOWLEDGED,
    ESCALATED, CLOCK_MET, CLOCK_BREACHED, RAPID_REVIEW_RECORDED, PUBLICATION_RECORDED
}
