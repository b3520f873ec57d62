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
 */
@ConfigurationProperties("hub.broker")
public record BrokerProperties(@DefaultValue("2MB") DataSize workQueueMaxSize,
                               @DefaultValue("true") boolean manageAddressSettings,
                               @DefaultValue("activemq.management") String managementAddress,
                               @DefaultValue("10s") Duration managementTimeout) {
}
