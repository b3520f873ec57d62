package uk.gov.safeguarding.hub.broker;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Retry policy of every piece of broker work, deliveries and escalations alike (SPEC §8, {@code hub.delivery.*}).
 * The broker redelivers after {@code initialBackoff × backoffMultiplier^(n-1)}, at most {@code maxBackoff}; after
 * {@code maxAttempts} failed attempts the work is dead-lettered, and after {@code brokerMaxAttempts} deliveries the
 * broker dead-letters a message by itself (failures the hub could not even record).
 */
@ConfigurationProperties("hub.delivery")
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double backoffMultiplier, Duration maxBackoff,
                          int brokerMaxAttempts) {

    public RetryPolicy {
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
