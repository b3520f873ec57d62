package uk.gov.safeguarding.hub.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How deliveries are made ({@code hub.delivery.*}; the retry policy under the same prefix is the broker's,
 * {@code broker.RetryPolicy}).
 *
 * @param concurrency      consumers of the delivery queue
 * @param consumerPriority Java thread priority of those consumers, 1 (lowest) to 10 (above 5 only for a JVM run as root)
 * @param webhookTimeout   connect and response timeout of a webhook POST
 */
@ConfigurationProperties("hub.delivery")
public record DeliveryProperties(int concurrency, int consumerPriority, Duration webhookTimeout) {

    public DeliveryProperties {
        if (consumerPriority < Thread.MIN_PRIORITY || consumerPriority > Thread.MAX_PRIORITY) {
            throw new IllegalArgumentException("hub.delivery.consumer-priority must be from " + Thread.MIN_PRIORITY
                    + " to " + Thread.MAX_PRIORITY + ", not " + consumerPriority);
        }
    }
}
