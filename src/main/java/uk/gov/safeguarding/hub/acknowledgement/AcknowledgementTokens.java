package uk.gov.safeguarding.hub.acknowledgement;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signed, expiring, single-delivery tokens of acknowledgement links (SPEC §4). A token is
 * {@code <key id> + "." + base64url("<delivery id>.<expiry epoch seconds>") + "." + base64url(HMAC-SHA256 of
 * "<key id>.<payload>")}: it names one delivery, says until when it is valid and which secret signed it, and cannot
 * be altered without that secret. The secret rotates without breaking live links: the previous secrets stay, under
 * their key ids, to verify the links they signed. Tokens issued before key ids (two parts) are verified with the
 * active secret.
 */
public final class AcknowledgementTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Pattern LEGACY_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,200}\\.[A-Za-z0-9_-]{43}");
    private static final Pattern SHAPE = Pattern.compile("([A-Za-z0-9_-]{1,20})\\.([A-Za-z0-9_-]{1,200})\\.([A-Za-z0-9_-]{43})");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,20}");

    private final String activeKeyId;
    private final Map<String, byte[]> secrets;
    private final Duration ttl;

    public AcknowledgementTokens(String secret, Duration ttl) {
        this(KEY_ID_WHEN_UNNAMED, secret, Map.of(), ttl);
    }

    /**
     * @param activeKeyId     the id of {@code secret}, which signs every new token
     * @param previousSecrets secrets that signed links still live, by key id: they verify, never sign
     */
    public AcknowledgementTokens(String activeKeyId, String secret, Map<String, String> previousSecrets, Duration ttl) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("hub.acknowledgement.secret must be at least 16 characters");
        }
        Map<String, byte[]> all = new HashMap<>();
        previousSecrets.forEach((id, previous) -> all.put(keyId(id), previous.getBytes(StandardCharsets.UTF_8)));
        this.activeKeyId = keyId(activeKeyId);
        all.put(this.activeKeyId, secret.getBytes(StandardCharsets.UTF_8));
        this.secrets = Map.copyOf(all);
        this.ttl = ttl;
    }

    /** The key id of a configuration that names none. */
    static final String KEY_ID_WHEN_UNNAMED = "k1";

    private static String keyId(String id) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException("An acknowledgement key id must be 1 to 20 letters, digits, - or _: " + id);
        }
        return id;
    }

    public String issue(String deliveryId, Instant now) {
        String payload = ENCODER.encodeToString(
                (deliveryId + "." + now.plus(ttl).getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        String signed = activeKeyId + "." + payload;
        return signed + "." + ENCODER.encodeToString(hmac(secrets.get(activeKeyId), signed));
    }

    public Verification verify(String token, Instant now) {
        if (token == null) {
            return Verification.invalid();
        }
        String payload;
        if (LEGACY_SHAPE.matcher(token).matches()) {
            int dot = token.indexOf('.');
            payload = token.substring(0, dot);
            if (!MessageDigest.isEqual(hmac(secrets.get(activeKeyId), payload), DECODER.decode(token.substring(dot + 1)))) {
                return Verification.invalid();
            }
        } else {
            Matcher parts = SHAPE.matcher(token);
            if (!parts.matches() || !secrets.containsKey(parts.group(1))) {
                return Verification.invalid();
            }
            payload = parts.group(2);
            byte[] expected = hmac(secrets.get(parts.group(1)), parts.group(1) + "." + payload);
            if (!MessageDigest.isEqual(expected, DECODER.decode(parts.group(3)))) {
                return Verification.invalid();
            }
        }
        String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\\.");
        if (parts.length != 2) {
            return Verification.invalid();
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        return new Verification(Optional.of(parts[0]), now.isAfter(expires));
    }

    private static byte[] hmac(byte[] secret, String payload) {
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
