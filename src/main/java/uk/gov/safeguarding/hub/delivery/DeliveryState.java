package uk.gov.safeguarding.hub.delivery;

/** The life of one delivery (SPEC §6). */
public enum DeliveryState {
    PENDING, SENT, ACKNOWLEDGED, DEAD_LETTERED, DISCARDED;

    /** States in which the delivery has been made and must never be made again. */
    public boolean delivered() {
        return this == SENT || this == ACKNOWLEDGED;
    }
}
