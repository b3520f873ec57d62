package uk.gov.safeguarding.hub.routing;

/** The ways a delivery reaches a recipient. */
public enum Channel {
    EMAIL, WEBHOOK
}
