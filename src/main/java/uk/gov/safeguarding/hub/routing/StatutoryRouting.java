package uk.gov.safeguarding.hub.routing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static uk.gov.safeguarding.hub.routing.Recipient.DFE;
import static uk.gov.safeguarding.hub.routing.Recipient.NATIONAL_PANEL;
import static uk.gov.safeguarding.hub.routing.Recipient.OFSTED;
import static uk.gov.safeguarding.hub.routing.Recipient.PARTNERSHIP;
import static uk.gov.safeguarding.hub.routing.Recipient.SECRETARY_OF_STATE;

/**
 * The routing table of SPEC §2, written so that it can be checked line by line against the statute.
 * The incident's location needs no rule of its own: both accepted values (in the area, or outside England
 * while normally resident in it) satisfy s16C(1), and anything else is refused as malformed input.
 */
public final class StatutoryRouting {

    static final String SERIOUS_INCIDENT =
            "Children Act 2004 s16C(1): abuse or neglect known or suspected and the child died or was seriously harmed";
    static final String LOOKED_AFTER_DEATH =
            "Working Together 2023 ch.5: a looked-after child died; Secretary of State and Ofsted are notified whatever the cause";

    /** Rule 1: a serious child safeguarding incident goes to the Panel, Ofsted, the DfE and the partnership. */
    private static final Set<Recipient> SERIOUS_INCIDENT_RECIPIENTS = EnumSet.of(NATIONAL_PANEL, OFSTED, DFE, PARTNERSHIP);
    /** Rule 2: the death of a looked-after child goes to the Secretary of State and Ofsted (and the partnership). */
    private static final Set<Recipient> LOOKED_AFTER_DEATH_RECIPIENTS = EnumSet.of(OFSTED, SECRETARY_OF_STATE, PARTNERSHIP);

    public RoutingDecision route(IncidentFacts facts) {
        Set<Recipient> recipients = EnumSet.noneOf(Recipient.class);
        List<String> rules = new ArrayList<>();
        if (facts.abuseOrNeglect()) {
            recipients.addAll(SERIOUS_INCIDENT_RECIPIENTS);
            rules.add(SERIOUS_INCIDENT);
        }
        if (facts.died() && facts.anyChildLookedAfter()) {
            recipients.addAll(LOOKED_AFTER_DEATH_RECIPIENTS);
            rules.add(LOOKED_AFTER_DEATH);
        }
        List<String> refusals = recipients.isEmpty() ? refusalReasons(facts) : List.of();
        return new RoutingDecision(Set.copyOf(recipients), List.copyOf(rules), refusals);
    }

    private static List<String> refusalReasons(IncidentFacts facts) {
        List<String> reasons = new ArrayList<>();
        reasons.add("Not a serious child safeguarding incident (s16C(1)): abuseOrNeglect is NOT_SUSPECTED, "
                + "but the duty applies only where abuse or neglect is known or suspected.");
        if (!facts.died()) {
            reasons.add("Not a looked-after child death: the incident type is SERIOUS_HARM, not DEATH.");
        } else {
            reasons.add("Not a looked-after child death: no child has legalStatus LOOKED_AFTER.");
        }
        return reasons;
    }
}
