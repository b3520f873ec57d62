package uk.gov.safeguarding.hub.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API keys are found by their hash; one hash never stands for two clients. */
class ApiKeysTest {

    private static final String HASH = "968af6de376fc0c903a174872432e3d765ffcefbe5209d95e26620c4b2ae8dc2";

    private static SecurityProperties.ApiKeyClient client(String name, String... hashes) {
        return new SecurityProperties.ApiKeyClient(name, ClientRole.TRUST, List.of("E08000028"), List.of(hashes));
    }

    @Test
    void aPresentedKeyFindsItsClient() {
        ApiKeys keys = new ApiKeys(new SecurityProperties(false, List.of(client("trust", HASH)), List.of(), null, null, null));
        assertThat(keys.clientFor("local-trust-key")).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("trust"));
        assertThat(keys.clientFor("local-trust-key ")).isEmpty();
    }

    @Test
    void aKeyHashListedForTwoClientsStopsTheHub() {
        assertThatThrownBy(() -> new ApiKeys(new SecurityProperties(false,
                List.of(client("trust", HASH), client("copy", HASH.toUpperCase())), List.of(), null, null, null)))
                .hasMessageContaining("listed twice (clients 'trust' and 'copy')");
    }
}
