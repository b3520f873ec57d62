package uk.gov.safeguarding.hub.security;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Child names and dates of birth at rest: AES-256-GCM under a key id, so that keys rotate. */
class ChildDataCipherTest {

    private static final String OLD = Base64.getEncoder().encodeToString("old-key-old-key-old-key-old-key!".getBytes());
    private static final String NEW = Base64.getEncoder().encodeToString("new-key-new-key-new-key-new-key!".getBytes());

    @Test
    void aRotatedKeyEncryptsWhatIsNewAndTheOldKeyStillReadsWhatItSealed() {
        ChildDataCipher before = new ChildDataCipher(new ChildDataCipher.Properties("2025-1", Map.of("2025-1", OLD)));
        String sealedBefore = before.encrypt("Zebedee Quillfeather-Marchbanks");

        ChildDataCipher after = new ChildDataCipher(new ChildDataCipher.Properties("2026-1", Map.of("2025-1", OLD, "2026-1", NEW)));
        String sealedAfter = after.encrypt("Zebedee Quillfeather-Marchbanks");

        assertThat(sealedBefore).startsWith("2025-1:").doesNotContain("Zebedee");
        assertThat(sealedAfter).startsWith("2026-1:").doesNotContain("Zebedee");
        assertThat(after.decrypt(sealedBefore)).isEqualTo("Zebedee Quillfeather-Marchbanks");
        assertThat(after.decrypt(sealedAfter)).isEqualTo("Zebedee Quillfeather-Marchbanks");
        assertThat(after.encrypt("same")).as("a fresh nonce each time").isNotEqualTo(after.encrypt("same"));
    }

    @Test
    void aRetiredKeyOrATamperedCiphertextIsRefusedNotMisread() {
        ChildDataCipher before = new ChildDataCipher(new ChildDataCipher.Properties("2025-1", Map.of("2025-1", OLD)));
        String sealed = before.encrypt("Zebedee");
        ChildDataCipher retired = new ChildDataCipher(new ChildDataCipher.Properties("2026-1", Map.of("2026-1", NEW)));

        assertThatThrownBy(() -> retired.decrypt(sealed)).hasMessageContaining("'2025-1', which is not configured");
        String relabelled = "2026-1" + sealed.substring(sealed.indexOf(':'));
        assertThatThrownBy(() -> new ChildDataCipher(new ChildDataCipher.Properties("2026-1",
                Map.of("2025-1", OLD, "2026-1", NEW))).decrypt(relabelled)).hasMessageContaining("Could not decrypt");
    }

    @Test
    void keysMustBeAes256AndTheActiveOneConfigured() {
        assertThatThrownBy(() -> new ChildDataCipher(new ChildDataCipher.Properties("k", Map.of("k",
                Base64.getEncoder().encodeToString(new byte[16]))))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new ChildDataCipher(new ChildDataCipher.Properties("missing", Map.of("k", NEW))))
                .hasMessageContaining("names no key");
    }
}
