package uk.gov.safeguarding.hub.broker;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Sets the consumer window ({@code hub.broker.consumer-window-size}) on the Artemis connection factory Spring Boot
 * makes, behind its caching factory or not, as the factory is made: Artemis fixes the setting at the first
 * connection, so it is set before Camel's consumers, the outbox relay or the dead-letter console can connect.
 */
final class ConsumerWindow implements BeanPostProcessor {

    // read when the factory is made, not when this post-processor is: the settings are bound like any other bean
    private final ObjectProvider<BrokerProperties> broker;

    ConsumerWindow(ObjectProvider<BrokerProperties> broker) {
        this.broker = broker;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Object factory = bean instanceof CachingConnectionFactory caching ? caching.getTargetConnectionFactory() : bean;
        if (factory instanceof ActiveMQConnectionFactory artemis) {
            artemis.setConsumerWindowSize((int) broker.getObject().consumerWindowSize().toBytes());
        }
        return bean;
    }
}
