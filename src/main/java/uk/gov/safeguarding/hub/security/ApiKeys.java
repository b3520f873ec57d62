package uk.gov.safeguarding.hub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds the client of a presented API key by comparing key hashes in constant time. */
public final class ApiKeys {

    private record Entry(byte[] hash, HubClient client) {
    }

    private final List<Entry> entries;

    public ApiKeys(SecurityProperties properties) {
        this.entries = properties.apiKeys().stream()
                .flatMap(c -> c.keySha256().stream()
                        .map(h -> new Entry(HexFormat.of().parseHex(h.trim().toLowerCase()), new HubClient(c.client(), c.role(), Set.copyOf(c.scope())))))
                .toList();
        Map<String, String> clientOfHash = new HashMap<>();
        for (Entry entry : entries) {
            String other = clientOfHash.putIfAbsent(HexFormat.of().formatHex(entry.hash()), entry.client().name());
            if (other != null) {
                // one key would silently act as whichever client happened to be found
                throw new IllegalStateException("hub.security.api-keys: a key hash is listed twice (clients '" + other
                        + "' and '" + entry.client().name() + "'); each key names one client");
            }
        }
    }

    public Optional<HubClient> clientFor(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        HubClient found = null;
        // look at every entry, so the time taken does not tell which one matched
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), presented)) {
                found = entry.client();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
