package uk.gov.safeguarding.hub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Encrypts child-identifying fields (name, date of birth) with AES-256-GCM before they reach the database.
 * The stored form is {@code <key id>:<base64 of nonce + ciphertext>}, so that keys can rotate: new values use the
 * active key, old values are read with the key they name. Each value is bound to its row and field (associated
 * data), so that ciphertexts cannot be swapped between children or fields.
 */
public final class ChildDataCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys;

    public ChildDataCipher(Properties properties) {
        if (properties.activeKeyId() == null) {
            throw new IllegalStateException("hub.child-data.active-key-id and hub.child-data.keys must be set");
        }
        this.activeKeyId = properties.activeKeyId();
        this.keys = properties.keys().entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> {
            byte[] key = Base64.getDecoder().decode(e.getValue());
            if (key.length != 32) {
                throw new IllegalStateException("Child-data key '" + e.getKey() + "' must be 32 bytes (AES-256), base64");
            }
            return new SecretKeySpec(key, "AES");
        }));
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("hub.child-data.active-key-id '" + activeKeyId + "' names no key in hub.child-data.keys");
        }
    }

    /**
     * Seals a value to its place: {@code boundTo} (which row and field it belongs to) is authenticated with it, so a
     * ciphertext copied to another row or field does not open there.
     */
    public String seal(String plain, String boundTo) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(activeKeyId, boundTo));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return activeKeyId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt child data", e);
        }
    }

    /** Opens what {@link #seal} sealed to the same place; anything else is refused. */
    public String open(String stored, String boundTo) {
        return stored == null ? null : open(stored, keyId -> associatedData(keyId, boundTo));
    }

    /**
     * Opens a value sealed before values were bound to their place (only its key id was authenticated); used once,
     * by the migration that re-seals such values to their rows.
     */
    public String openUnbound(String stored) {
        return stored == null ? null : open(stored, keyId -> keyId.getBytes(StandardCharsets.UTF_8));
    }

    private String open(String stored, Function<String, byte[]> associatedData) {
        int colon = stored.indexOf(':');
        if (colon < 1) {
            throw new IllegalStateException("Stored child data is not in the form <key id>:<base64>");
        }
        String keyId = stored.substring(0, colon);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Child data was encrypted with key '" + keyId + "', which is not configured");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.apply(keyId));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Could not decrypt child data with key '" + keyId
                    + "': tampered with, or not sealed to this place", e);
        }
    }

    private static byte[] associatedData(String keyId, String boundTo) {
        return (keyId + "\n" + boundTo).getBytes(StandardCharsets.UTF_8);
    }

    @ConfigurationProperties("hub.child-data")
    public record Properties(String activeKeyId, Map<String, String> keys) {

        public Properties {
            keys = keys == null ? Map.of() : Map.copyOf(keys);
        }
    }
}
