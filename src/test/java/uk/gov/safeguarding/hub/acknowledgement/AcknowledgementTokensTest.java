package uk.gov.safeguarding.hub.acknowledgement;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgementTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final AcknowledgementTokens tokens = new AcknowledgementTokens("a-test-secret-of-some-length", Duration.ofDays(30));

    @Test
    void aGenuineTokenNamesItsDelivery() {
        String token = tokens.issue("delivery-1", NOW);
        AcknowledgementTokens.Verification verification = tokens.verify(token, NOW.plus(Duration.ofDays(29)));
        assertThat(verification.valid()).isTrue();
        assertThat(verification.deliveryId()).contains("delivery-1");
    }

    @Test
    void anExpiredTokenIsRecognisedButNotValid() {
        AcknowledgementTokens.Verification verification = tokens.verify(tokens.issue("delivery-1", NOW), NOW.plus(Duration.ofDays(31)));
        assertThat(verification.expired()).isTrue();
        assertThat(verification.valid()).isFalse();
    }

    @Test
    void aTamperedTokenIsInvalid() {
        String token = tokens.issue("delivery-1", NOW);
        String[] parts = token.split("\\.");
        String otherPayload = tokens.issue("delivery-2", NOW).split("\\.")[1];
        assertThat(tokens.verify(parts[0] + "." + otherPayload + "." + parts[2], NOW).deliveryId()).isEmpty();
        char last = token.charAt(token.length() - 2);
        String flipped = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThat(tokens.verify(flipped, NOW).deliveryId()).isEmpty();
        assertThat(tokens.verify("garbage", NOW).deliveryId()).isEmpty();
        assertThat(tokens.verify(null, NOW).deliveryId()).isEmpty();
    }

    @Test
    void theSecretRotatesWithoutBreakingLiveLinks() {
        String before = tokens.issue("delivery-1", NOW);
        AcknowledgementTokens rotated = new AcknowledgementTokens("k2", "the-new-secret-from-the-vault",
                Map.of("k1", "a-test-secret-of-some-length"), Duration.ofDays(30));
        String after = rotated.issue("delivery-2", NOW);

        assertThat(before).startsWith("k1.");
        assertThat(after).startsWith("k2.");
        assertThat(rotated.verify(before, NOW).deliveryId()).contains("delivery-1");
        assertThat(rotated.verify(after, NOW).deliveryId()).contains("delivery-2");
        assertThat(tokens.verify(after, NOW).deliveryId()).as("a secret the hub no longer has").isEmpty();
        assertThat(rotated.verify("k1" + after.substring(2), NOW).deliveryId()).as("the key id is signed too").isEmpty();
    }

    @Test
    void aLinkIssuedBeforeKeyIdsStillWorksUnderTheSameSecret() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("delivery-0." + NOW.plus(Duration.ofDays(30)).getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        String legacy = payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                hmac("a-test-secret-of-some-length", payload));

        assertThat(tokens.verify(legacy, NOW).deliveryId()).contains("delivery-0");
    }

    private static byte[] hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTokenSignedWithAnotherSecretIsInvalid() {
        AcknowledgementTokens other = new AcknowledgementTokens("another-secret-of-some-length", Duration.ofDays(30));
        assertThat(tokens.verify(other.issue("delivery-1", NOW), NOW).deliveryId()).isEmpty();
    }
}
