package uk.gov.safeguarding.hub.security;

import java.security.Principal;

/** An authenticated API client: who it is, what kind, and the one authority or recipient it acts for. */
public record HubClient(String name, ClientRole role, String scope) implements Principal {

    @Override
    public String getName() {
        return name;
    }

    public boolean isTrustFor(String localAuthority) {
        return role == ClientRole.TRUST && scope.equals(localAuthority);
    }

    public boolean isAgency() {
        return role == ClientRole.AGENCY;
    }

    public boolean isOperations() {
        return role == ClientRole.OPERATIONS;
    }
}
