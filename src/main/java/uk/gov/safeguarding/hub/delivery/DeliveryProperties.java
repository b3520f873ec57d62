package uk.gov.safeguarding.hub.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Retry policy of a failing delivery (SPEC §8, {@code hub.delivery.*}). The broker redelivers after
 * {@code initialBackoff × backoffMultiplier^(n-1)}, at most {@code maxBackoff}; after {@code maxAttempts} failed
 * attempts the delivery is dead-lettered.
 */
@ConfigurationProperties("hub.delivery")
public record DeliveryProperties(int maxAttempts, Duration initialBackoff, double backoffMultiplier, Duration maxBackoff,
                                 int brokerMaxAttempts, int concurrency, Duration webhookTimeout) {

    public DeliveryProperties {
        if (maxAttempts < 1) {
            throw new IllegalStateException("hub.delivery.max-attempts must be at least 1");
        }
        if (backoffMultiplier < 1.0) {
            throw new IllegalStateException("hub.delivery.backoff-multiplier must be at least 1.0");
        }
        if (brokerMaxAttempts < maxAttempts) {
            throw new IllegalStateException("hub.delivery.broker-max-attempts must not be below hub.delivery.max-attempts");
        }
    }
}
