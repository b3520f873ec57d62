package uk.gov.safeguarding.hub.acknowledgement;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param secret   the HMAC secret that signs acknowledgement links ({@code hub.acknowledgement.secret})
 * @param tokenTtl how long a link stays valid ({@code hub.acknowledgement.token-ttl})
 */
@ConfigurationProperties("hub.acknowledgement")
record AcknowledgementSettings(String secret, Duration tokenTtl) {
}
