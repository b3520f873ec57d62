package uk.gov.safeguarding.hub.routing;

/**
 * The facts of an incident that the statute turns on; nothing else about the notification matters for routing.
 *
 * @param died               the child died (otherwise: seriously harmed)
 * @param abuseOrNeglect     abuse or neglect is known or suspected
 * @param anyChildLookedAfter at least one child in the notification is looked after
 */
public record IncidentFacts(boolean died, boolean abuseOrNeglect, boolean anyChildLookedAfter) {
}
