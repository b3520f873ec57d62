package uk.gov.safeguarding.hub.clock;

/**
 * A statutory clock's state (SPEC §3): RUNNING until its duty is done (MET) or its window closes (BREACHED; a
 * breached clock gains the time it was finally met but stays BREACHED); PAUSED while an embargo holds publication.
 */
public enum ClockState {
    RUNNING, PAUSED, MET, BREACHED
}
