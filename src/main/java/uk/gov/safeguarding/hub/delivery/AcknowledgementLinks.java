package uk.gov.safeguarding.hub.delivery;

/**
 * The signed one-click acknowledgement link put in a delivery (SPEC §4). Issued here, verified where
 * acknowledgements are recorded: the acknowledgement feature implements it, so that delivery does not depend on it.
 */
public interface AcknowledgementLinks {

    String linkFor(String deliveryId);
}
