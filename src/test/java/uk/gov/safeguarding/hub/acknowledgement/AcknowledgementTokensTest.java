package uk.gov.safeguarding.hub.acknowledgement;

import org.junit.jupiter.api.Test;

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
        String otherPayload = tokens.issue("delivery-2", NOW).split("\\.")[0];
        assertThat(tokens.verify(otherPayload + "." + token.split("\\.")[1], NOW).deliveryId()).isEmpty();
        char last = token.charAt(token.length() - 2);
        String flipped = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThat(tokens.verify(flipped, NOW).deliveryId()).isEmpty();
        assertThat(tokens.verify("garbage", NOW).deliveryId()).isEmpty();
        assertThat(tokens.verify(null, NOW).deliveryId()).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherSecretIsInvalid() {
        AcknowledgementTokens other = new AcknowledgementTokens("another-secret-of-some-length", Duration.ofDays(30));
        assertThat(tokens.verify(other.issue("delivery-1", NOW), NOW).deliveryId()).isEmpty();
    }
}
