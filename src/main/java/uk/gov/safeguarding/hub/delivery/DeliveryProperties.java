package uk.gov.safeguarding.hub.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How deliveries are made ({@code hub.delivery.*}; the retry policy under the same prefix is the broker's,
 * {@code broker.RetryPolicy}).
 *
 * @param concurrency    consumers of the delivery queue
 * @param webhookTimeout connect and response timeout of a webhook POST
 */
@ConfigurationProperties("hub.delivery")
public record DeliveryProperties(int concurrency, Duration webhookTimeout) {
}
