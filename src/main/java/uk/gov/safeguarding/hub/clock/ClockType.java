package uk.gov.safeguarding.hub.clock;

/** The statutory windows of SPEC §3. */
public enum ClockType {
    NOTIFICATION, RAPID_REVIEW, LCSPR_PUBLICATION
}
