package uk.gov.safeguarding.hub.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The transactional outbox relay ({@code hub.outbox.*}).
 *
 * @param batchSize          deliveries claimed, published and marked per round
 * @param staleClaimAfter    a delivery claimed but not published within this time (its instance died) is taken over
 * @param pollIntervalMillis how often the relay looks without being woken (stale claims, other instances' rows)
 */
@ConfigurationProperties("hub.outbox")
record OutboxSettings(int batchSize, Duration staleClaimAfter, long pollIntervalMillis) {
}
