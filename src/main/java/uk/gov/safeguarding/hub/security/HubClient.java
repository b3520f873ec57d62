package uk.gov.safeguarding.hub.security;

import java.security.Principal;
import java.util.Set;

/**
 * An authenticated API client: who it is, what kind, and what it acts for (SPEC §9): the local authorities of a
 * Trust or partnership, the national recipient of an agency; operations act for everything.
 */
public record HubClient(String name, ClientRole role, Set<String> scope) implements Principal {

    public HubClient {
        scope = Set.copyOf(scope);
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean isTrustFor(String localAuthority) {
        return role == ClientRole.TRUST && scope.contains(localAuthority);
    }

    public boolean isPartnershipFor(String localAuthority) {
        return role == ClientRole.PARTNERSHIP && scope.contains(localAuthority);
    }

    /** A Trust or partnership of this authority: they read its notifications and record its review stage. */
    public boolean actsForAuthority(String localAuthority) {
        return isTrustFor(localAuthority) || isPartnershipFor(localAuthority);
    }

    /** The local authorities a Trust or partnership acts for; empty for the other roles. */
    public Set<String> authorities() {
        return role == ClientRole.TRUST || role == ClientRole.PARTNERSHIP ? scope : Set.of();
    }

    public boolean isAgencyFor(String recipient) {
        return role == ClientRole.AGENCY && scope.contains(recipient);
    }

    public boolean isAgency() {
        return role == ClientRole.AGENCY;
    }

    public boolean isOperations() {
        return role == ClientRole.OPERATIONS;
    }
}
