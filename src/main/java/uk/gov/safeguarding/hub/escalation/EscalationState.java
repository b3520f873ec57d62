package uk.gov.safeguarding.hub.escalation;

/**
 * The life of one rung's row: SCHEDULED -> DUE (claimed by one scheduler) -> FIRED (by one consumer); SKIPPED when a
 * higher rung was due at the same time, CANCELLED when the clock was met, PAUSED while the clock is paused,
 * DEAD_LETTERED when its email could not be sent, DISCARDED by operations.
 */
enum EscalationState {
    SCHEDULED, DUE, FIRED, SKIPPED, CANCELLED, PAUSED, DEAD_LETTERED, DISCARDED
}
