package uk.gov.safeguarding.hub.broker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the hub sets up an external broker ({@code hub.broker.*}).
 *
 * @param manageAddressSettings whether the hub applies its address settings and creates its queues on an external
 *                              broker at start-up (false: the operator has configured them in the broker itself)
 * @param managementAddress     the broker's management address ({@code management-address} in broker.xml)
 * @param managementTimeout     how long to wait for the broker to answer a management request
 */
@ConfigurationProperties("hub.broker")
public record BrokerProperties(@DefaultValue("true") boolean manageAddressSettings,
                               @DefaultValue("activemq.management") String managementAddress,
                               @DefaultValue("10s") Duration managementTimeout) {
}
