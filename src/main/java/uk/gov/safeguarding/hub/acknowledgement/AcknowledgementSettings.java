package uk.gov.safeguarding.hub.acknowledgement;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * @param secret          the HMAC secret that signs acknowledgement links ({@code hub.acknowledgement.secret})
 * @param keyId           its id, carried in every link it signs ({@code hub.acknowledgement.key-id}, default k1)
 * @param previousSecrets secrets rotated out, by key id, kept while links they signed are live
 *                        ({@code hub.acknowledgement.previous-secrets.<id>})
 * @param tokenTtl        how long a link stays valid ({@code hub.acknowledgement.token-ttl})
 */
@ConfigurationProperties("hub.acknowledgement")
record AcknowledgementSettings(String secret, String keyId, Map<String, String> previousSecrets, Duration tokenTtl) {

    AcknowledgementSettings {
        keyId = keyId == null ? AcknowledgementTokens.KEY_ID_WHEN_UNNAMED : keyId;
        previousSecrets = previousSecrets == null ? Map.of() : Map.copyOf(previousSecrets);
    }
}
