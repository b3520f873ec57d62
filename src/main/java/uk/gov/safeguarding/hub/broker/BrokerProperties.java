package uk.gov.safeguarding.hub.broker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * How the hub sets up its broker ({@code hub.broker.*}).
 *
 * @param workQueueMaxSize      the most a work queue holds in the broker's memory; beyond it senders wait (the outbox
 *                              relay, leaving its backlog in the database) rather than the broker filling the heap it
 *                              shares with the hub when embedded
 * @param manageAddressSettings whether the hub applies its address settings and creates its queues on an external
 *                              broker at start-up (false: the operator has configured them in the broker itself)
 * @param managementAddress     the broker's management address ({@code management-address} in broker.xml)
 * @param managementTimeout     how long to wait for the broker to answer a management request
 * @param consumerWindowSize    how much of a queue each of the hub's consumers takes from the broker ahead of what it
 *                              is delivering (Artemis's consumer window; 0: none). The hub's consumers are slow (an
 *                              email or a webhook each), so messages taken ahead only wait in the hub's heap: while
 *                              intake keeps the deliveries waiting, a window of 1 MiB each kept a copy of every
 *                              waiting message alive through the young collections, lengthening each pause
 */
@ConfigurationProperties("hub.broker")
public record BrokerProperties(@DefaultValue("2MB") DataSize workQueueMaxSize,
                               @DefaultValue("true") boolean manageAddressSettings,
                               @DefaultValue("activemq.management") String managementAddress,
                               @DefaultValue("10s") Duration managementTimeout,
                               @DefaultValue("0") DataSize consumerWindowSize) {

    public BrokerProperties {
        if (consumerWindowSize.isNegative() || consumerWindowSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("hub.broker.consumer-window-size must be from 0 to " + Integer.MAX_VALUE
                    + " bytes (about 2GB); it is " + consumerWindowSize);
        }
    }
}
