package uk.gov.safeguarding.hub.security;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Child names and dates of birth at rest: AES-256-GCM under a key id, so that keys rotate, bound to their place. */
class ChildDataCipherTest {

    private static final String OLD = Base64.getEncoder().encodeToString("old-key-old-key-old-key-old-key!".getBytes());
    private static final String NEW = Base64.getEncoder().encodeToString("new-key-new-key-new-key-new-key!".getBytes());
    private static final String PLACE = "child/n-1/0/name";

    @Test
    void aRotatedKeyEncryptsWhatIsNewAndTheOldKeyStillReadsWhatItSealed() {
        ChildDataCipher before = new ChildDataCipher(new ChildDataCipher.Properties("2025-1", Map.of("2025-1", OLD)));
        String sealedBefore = before.seal("Zebedee Quillfeather-Marchbanks", PLACE);

        ChildDataCipher after = new ChildDataCipher(new ChildDataCipher.Properties("2026-1", Map.of("2025-1", OLD, "2026-1", NEW)));
        String sealedAfter = after.seal("Zebedee Quillfeather-Marchbanks", PLACE);

        assertThat(sealedBefore).startsWith("2025-1:").doesNotContain("Zebedee");
        assertThat(sealedAfter).startsWith("2026-1:").doesNotContain("Zebedee");
        assertThat(after.open(sealedBefore, PLACE)).isEqualTo("Zebedee Quillfeather-Marchbanks");
        assertThat(after.open(sealedAfter, PLACE)).isEqualTo("Zebedee Quillfeather-Marchbanks");
        assertThat(after.seal("same", PLACE)).as("a fresh nonce each time").isNotEqualTo(after.seal("same", PLACE));
    }

    @Test
    void aRetiredKeyOrATamperedCiphertextIsRefusedNotMisread() {
        ChildDataCipher before = new ChildDataCipher(new ChildDataCipher.Properties("2025-1", Map.of("2025-1", OLD)));
        String sealed = before.seal("Zebedee", PLACE);
        ChildDataCipher retired = new ChildDataCipher(new ChildDataCipher.Properties("2026-1", Map.of("2026-1", NEW)));

        assertThatThrownBy(() -> retired.open(sealed, PLACE)).hasMessageContaining("'2025-1', which is not configured");
        String relabelled = "2026-1" + sealed.substring(sealed.indexOf(':'));
        assertThatThrownBy(() -> new ChildDataCipher(new ChildDataCipher.Properties("2026-1",
                Map.of("2025-1", OLD, "2026-1", NEW))).open(relabelled, PLACE)).hasMessageContaining("Could not decrypt");
    }

    @Test
    void aValueMovedToAnotherChildOrFieldDoesNotOpenThere() {
        ChildDataCipher cipher = new ChildDataCipher(new ChildDataCipher.Properties("2026-1", Map.of("2026-1", NEW)));
        String sealed = cipher.seal("Zebedee", "child/n-1/0/name");

        assertThat(cipher.open(sealed, "child/n-1/0/name")).isEqualTo("Zebedee");
        assertThatThrownBy(() -> cipher.open(sealed, "child/n-1/1/name")).hasMessageContaining("not sealed to this place");
        assertThatThrownBy(() -> cipher.open(sealed, "child/n-2/0/name")).hasMessageContaining("not sealed to this place");
        assertThatThrownBy(() -> cipher.open(sealed, "child/n-1/0/date_of_birth")).hasMessageContaining("not sealed to this place");
        assertThatThrownBy(() -> cipher.openUnbound(sealed)).as("nor as a value of before the binding")
                .hasMessageContaining("Could not decrypt");
    }

    @Test
    void keysMustBeAes256AndTheActiveOneConfigured() {
        assertThatThrownBy(() -> new ChildDataCipher(new ChildDataCipher.Properties("k", Map.of("k",
                Base64.getEncoder().encodeToString(new byte[16]))))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new ChildDataCipher(new ChildDataCipher.Properties("missing", Map.of("k", NEW))))
                .hasMessageContaining("names no key");
    }
}
