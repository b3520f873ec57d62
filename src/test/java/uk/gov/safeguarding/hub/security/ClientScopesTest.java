package uk.gov.safeguarding.hub.security;

import org.junit.jupiter.api.Test;
import uk.gov.safeguarding.hub.routing.AuthorityRegister;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An API client scoped to something the hub does not know stops the hub from starting, naming the property. */
class ClientScopesTest {

    private static final AuthorityRegister SANDWELL = new AuthorityRegister(Map.of("E08000028",
            new AuthorityRegister.Authority(null, "Sandwell", new AuthorityRegister.Partnership("Sandwell partnership",
                    List.of("p@sandwell.example.org"), null), Map.of())));

    private static SecurityProperties clients(SecurityProperties.ApiKeyClient... clients) {
        return new SecurityProperties(false, List.of(clients), List.of(), null, null, null);
    }

    private static SecurityProperties.ApiKeyClient client(ClientRole role, String... scope) {
        return new SecurityProperties.ApiKeyClient("client-" + role, role, List.of(scope), List.of("00"));
    }

    @Test
    void clientsScopedToWhatTheHubKnowsAreAccepted() {
        assertThatCode(() -> ClientScopes.check(clients(client(ClientRole.TRUST, "E08000028"),
                client(ClientRole.PARTNERSHIP, "E08000028"), client(ClientRole.AGENCY, "OFSTED"),
                client(ClientRole.OPERATIONS, "ALL")), SANDWELL)).doesNotThrowAnyException();
    }

    @Test
    void aTrustOrPartnershipScopedToAnUnregisteredAuthorityIsRefused() {
        assertThatThrownBy(() -> ClientScopes.check(clients(client(ClientRole.OPERATIONS, "ALL"),
                client(ClientRole.TRUST, "E08000028", "E09000001")), SANDWELL))
                .hasMessageContaining("hub.security.api-keys[1].scope").hasMessageContaining("E09000001");
        assertThatThrownBy(() -> ClientScopes.check(clients(client(ClientRole.PARTNERSHIP, "E08000025")), SANDWELL))
                .hasMessageContaining("hub.security.api-keys[0].scope").hasMessageContaining("not registered");
    }

    @Test
    void anAgencyMustBeOneNationalRecipientAndOperationsAll() {
        assertThatThrownBy(() -> ClientScopes.check(clients(client(ClientRole.AGENCY, "PARTNERSHIP")), SANDWELL))
                .hasMessageContaining("hub.security.api-keys[0].scope").hasMessageContaining("PARTNERSHIP client");
        assertThatThrownBy(() -> ClientScopes.check(clients(client(ClientRole.AGENCY, "OFSTED", "DFE")), SANDWELL))
                .hasMessageContaining("one national recipient");
        assertThatThrownBy(() -> ClientScopes.check(clients(client(ClientRole.OPERATIONS, "E08000028")), SANDWELL))
                .hasMessageContaining("must be ALL");
        assertThatThrownBy(() -> ClientScopes.check(clients(client(ClientRole.TRUST)), SANDWELL))
                .hasMessageContaining("is empty");
    }
}
