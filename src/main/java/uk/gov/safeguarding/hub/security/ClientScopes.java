package uk.gov.safeguarding.hub.security;

import uk.gov.safeguarding.hub.routing.AuthorityRegister;
import uk.gov.safeguarding.hub.routing.Recipient;

import java.util.List;

/**
 * Checks at start-up that every API client's scope names what its role acts for (SPEC §9): registered local
 * authorities for a Trust or partnership, one national recipient for an agency, ALL for operations. A client scoped
 * to nothing the hub knows would silently see nothing, or worse, so the hub refuses to start, naming the property.
 */
final class ClientScopes {

    private ClientScopes() {
    }

    static void check(SecurityProperties properties, AuthorityRegister authorities) {
        List<SecurityProperties.ApiKeyClient> clients = properties.apiKeys();
        for (int i = 0; i < clients.size(); i++) {
            SecurityProperties.ApiKeyClient client = clients.get(i);
            check("hub.security.api-keys[" + i + "]", "client '" + client.client() + "'", client.role(), client.scope(),
                    authorities);
        }
        List<SecurityProperties.PageUser> users = properties.users();
        for (int i = 0; i < users.size(); i++) {
            SecurityProperties.PageUser user = users.get(i);
            check("hub.security.users[" + i + "]", "user '" + user.username() + "'", user.role(), user.scope(), authorities);
        }
    }

    private static void check(String prefix, String who, ClientRole role, List<String> scope, AuthorityRegister authorities) {
        String property = prefix + ".scope";
        if (role == null) {
            throw new IllegalStateException(prefix + ".role is missing: one of TRUST, PARTNERSHIP, AGENCY, OPERATIONS");
        }
        if (scope.isEmpty()) {
            throw new IllegalStateException(property + " of " + who + " is empty");
        }
        switch (role) {
            case TRUST, PARTNERSHIP -> scope.stream()
                    .filter(code -> !authorities.registered(code))
                    .findFirst()
                    .ifPresent(code -> {
                        throw new IllegalStateException(property + ": " + role + " " + who + " is scoped to local authority "
                                + code + ", which is not registered in hub.authorities");
                    });
            case AGENCY -> {
                if (scope.size() != 1 || !isNationalRecipient(scope.get(0))) {
                    throw new IllegalStateException(property + ": AGENCY " + who + " must be scoped to one national "
                            + "recipient (NATIONAL_PANEL, OFSTED, DFE or SECRETARY_OF_STATE); a partnership is a "
                            + "PARTNERSHIP client scoped to its authorities");
                }
            }
            case OPERATIONS -> {
                if (!scope.equals(List.of("ALL"))) {
                    throw new IllegalStateException(property + ": OPERATIONS " + who + " acts for everything; its scope must be ALL");
                }
            }
        }
    }

    private static boolean isNationalRecipient(String code) {
        for (Recipient recipient : Recipient.values()) {
            if (recipient.national() && recipient.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
