package uk.gov.safeguarding.hub.delivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>} (SPEC §8), and beside it
 * {@code X-Hub-Signature-Timestamped: t=<epoch seconds>,sha256=<hex HMAC-SHA256 of "<t>.<body>">}, so that a
 * receiver can also refuse a replayed request whose timestamp is too old.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    public static final String TIMESTAMPED_HEADER = "X-Hub-Signature-Timestamped";

    private WebhookSignature() {
    }

    public static String sign(byte[] body, String secret) {
        return "sha256=" + hmac(secret, body);
    }

    public static String signWithTimestamp(byte[] body, String secret, long epochSeconds) {
        byte[] prefix = (epochSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "t=" + epochSeconds + ",sha256=" + hmac(secret, signed);
    }

    private static String hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
