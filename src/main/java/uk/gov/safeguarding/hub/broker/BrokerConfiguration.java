package uk.gov.safeguarding.hub.broker;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * The broker: embedded Artemis with a persistent journal by default, any broker Spring Boot can connect to
 * by configuration ({@code spring.artemis.mode=native}, {@code spring.artemis.broker-url}). Camel's JMS component
 * runs over Spring Boot's connection factory.
 */
@Configuration
@EnableConfigurationProperties({BrokerProperties.class, RetryPolicy.class})
class BrokerConfiguration {

    @Bean("jms")
    JmsComponent jms(ConnectionFactory connectionFactory) {
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        return jms;
    }

    /** The hub's consumers take no more from the broker ahead of their work than {@code hub.broker.consumer-window-size}. */
    @Bean
    static ConsumerWindow consumerWindow(ObjectProvider<BrokerProperties> broker) {
        return new ConsumerWindow(broker);
    }

    /**
     * Redelivery with backoff, counted by the broker, so a failing delivery waits without holding a consumer thread
     * and its schedule survives a restart. An external broker is given the same settings by {@link ExternalBrokerSetup}.
     */
    @Bean
    ArtemisConfigurationCustomizer redeliveryWithBackoff(RetryPolicy delivery, BrokerProperties broker) {
        return configuration -> {
            for (String queue : Queues.WORK) {
                configuration.addAddressSetting(queue, addressSettings(delivery, broker));
            }
        };
    }

    /** The embedded broker is configured by {@link #redeliveryWithBackoff}; any other is set up over its management API. */
    @Bean
    SmartInitializingSingleton externalBrokerSetup(ConnectionFactory connectionFactory, BrokerProperties broker,
                                                   RetryPolicy delivery, ObjectProvider<EmbeddedActiveMQ> embeddedBroker) {
        return () -> {
            if (embeddedBroker.getIfAvailable() == null) {
                new ExternalBrokerSetup(connectionFactory, broker, delivery).apply();
            }
        };
    }

    /**
     * The settings of each work queue: redelivery after initial-backoff × multiplier^(n−1), at most max-backoff; after
     * broker-max-attempts deliveries the broker itself moves the message to the dead-letter queue (without a
     * dead-letter address a broker would drop it). Beyond work-queue-max-size of messages, waiting or scheduled for
     * redelivery, a sender is blocked until consumers make room: the outbox relay's backlog stays in the database, where
     * it costs no heap (the embedded broker kept ~1.5 KB of heap per queued message, and a backlog of tens of thousands
     * filled the old generation: a full collection every few seconds under load).
     */
    static AddressSettings addressSettings(RetryPolicy delivery, BrokerProperties broker) {
        long maxSize = broker.workQueueMaxSize().toBytes();
        return new AddressSettings()
                .setMaxSizeBytes(maxSize)
                // never paged (it blocks instead), but a broker refuses a page size that is not below the maximum
                .setPageSizeBytes((int) Math.min(maxSize / 2, Integer.MAX_VALUE))
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.BLOCK)
                .setRedeliveryDelay(delivery.initialBackoff().toMillis())
                .setRedeliveryMultiplier(delivery.backoffMultiplier())
                .setMaxRedeliveryDelay(delivery.maxBackoff().toMillis())
                .setMaxDeliveryAttempts(delivery.brokerMaxAttempts())
                .setDeadLetterAddress(SimpleString.of(Queues.DEAD_LETTER));
    }
}
