package uk.gov.safeguarding.hub.acknowledgement;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The signed, expiring, single-delivery tokens of acknowledgement links (SPEC §4). A token is
 * {@code base64url("<delivery id>.<expiry epoch seconds>") + "." + base64url(HMAC-SHA256 of that payload)}:
 * it names one delivery, says until when it is valid, and cannot be altered without the hub's secret.
 */
public final class AcknowledgementTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,200}\\.[A-Za-z0-9_-]{43}");

    private final byte[] secret;
    private final Duration ttl;

    public AcknowledgementTokens(String secret, Duration ttl) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("hub.acknowledgement.secret must be at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.ttl = ttl;
    }

    public String issue(String deliveryId, Instant now) {
        String payload = ENCODER.encodeToString(
                (deliveryId + "." + now.plus(ttl).getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(hmac(payload));
    }

    public Verification verify(String token, Instant now) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Verification.invalid();
        }
        int dot = token.indexOf('.');
        String payload = token.substring(0, dot);
        if (!MessageDigest.isEqual(hmac(payload), DECODER.decode(token.substring(dot + 1)))) {
            return Verification.invalid();
        }
        String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\\.");
        if (parts.length != 2) {
            return Verification.invalid();
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        return new Verification(Optional.of(parts[0]), now.isAfter(expires));
    }

    private byte[] hmac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /** The delivery a genuine token names (empty when forged or malformed), and whether it has expired. */
    public record Verification(Optional<String> deliveryId, boolean expired) {

        static Verification invalid() {
            return new Verification(Optional.empty(), false);
        }

        public boolean valid() {
            return deliveryId.isPresent() && !expired;
        }
    }
}
