package uk.gov.safeguarding.hub.routing;

import java.util.List;
import java.util.Set;

/** Who must be told, and under which rules; empty recipients means not notifiable, with the reasons why. */
public record RoutingDecision(Set<Recipient> recipients, List<String> rulesApplied, List<String> refusalReasons) {

    public boolean notifiable() {
        return !recipients.isEmpty();
    }
}
