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
            String property = "hub.security.api-keys[" + i + "].scope";
            if (client.role() == null) {
                throw new IllegalStateException("hub.security.api-keys[" + i + "].role is missing: one of TRUST, "
                        + "PARTNERSHIP, AGENCY, OPERATIONS");
            }
            if (client.scope().isEmpty()) {
                throw new IllegalStateException(property + " of client '" + client.client() + "' is empty");
            }
            switch (client.role()) {
                case TRUST, PARTNERSHIP -> client.scope().stream()
                        .filter(code -> !authorities.registered(code))
                        .findFirst()
                        .ifPresent(code -> {
                            throw new IllegalStateException(property + ": " + client.role() + " client '"
                                    + client.client() + "' is scoped to local authority " + code
                                    + ", which is not registered in hub.authorities");
                        });
                case AGENCY -> {
                    if (client.scope().size() != 1 || !isNationalRecipient(client.scope().get(0))) {
                        throw new IllegalStateException(property + ": AGENCY client '" + client.client()
                                + "' must be scoped to one national recipient (NATIONAL_PANEL, OFSTED, DFE or "
                                + "SECRETARY_OF_STATE); a partnership is a PARTNERSHIP client scoped to its authorities");
                    }
                }
                case OPERATIONS -> {
                    if (!client.scope().equals(List.of("ALL"))) {
                        throw new IllegalStateException(property + ": OPERATIONS client '" + client.client()
                                + "' acts for everything; its scope must be ALL");
                    }
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
