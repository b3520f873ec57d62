package uk.gov.safeguarding.hub.audit;

/** The state changes SPEC §7 requires to be audited. */
public enum AuditEvent {
    RECEIVED, ROUTED, CLOCK_STARTED, SENT, FAILED, DEAD_LETTERED, RETRIED, DISCARDED, ACKNOWLEDGED,
    ESCALATED, CLOCK_MET, CLOCK_BREACHED, CLOCK_PAUSED, CLOCK_RESUMED, RAPID_REVIEW_RECORDED, PANEL_RESPONSE_RECORDED,
    PUBLICATION_PLANNED, PUBLICATION_EMBARGOED, PUBLICATION_EMBARGO_LIFTED, PUBLICATION_RECORDED;

    /** Entries of these events may hold a failure cause or an operator's reason, shown to operations only (SPEC §9). */
    boolean carriesRestrictedDetail() {
        return this == FAILED || this == DEAD_LETTERED || this == DISCARDED;
    }

    /** Done by an operator, whose username is shown to operations only. */
    boolean doneByOperator() {
        return this == RETRIED || this == DISCARDED;
    }

    /** What others read of an entry written before restricted details were kept apart (migration V6). */
    String withheldDetail() {
        return switch (this) {
            case FAILED -> "An attempt failed; the cause is shown to operations";
            case DEAD_LETTERED -> "Moved to the dead-letter queue for operations to retry or discard";
            case DISCARDED -> "Discarded by operations";
            default -> null;
        };
    }
}
