package uk.gov.safeguarding.hub.broker;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.stream.Stream;

/**
 * On an external broker the hub gives its work queues the same address settings as the embedded broker has —
 * redelivery backoff, the broker's own give-up count and the dead-letter address — and creates its queues, through
 * the broker's management API, once all beans exist and before any route consumes.
 * Without them a broker would redeliver at once and, with no dead-letter address, drop a message it gives up on:
 * so a broker that refuses (no management permission) stops the hub from starting, unless
 * {@code hub.broker.manage-address-settings=false} says the operator has configured the broker (docker/artemis-etc/broker.xml).
 * On a cluster the settings reach the node the hub connects to; configure the others in their broker.xml.
 */
class ExternalBrokerSetup {

    private static final Logger log = LoggerFactory.getLogger(ExternalBrokerSetup.class);

    private final ConnectionFactory connectionFactory;
    private final BrokerProperties broker;
    private final RetryPolicy delivery;

    ExternalBrokerSetup(ConnectionFactory connectionFactory, BrokerProperties broker, RetryPolicy delivery) {
        this.connectionFactory = connectionFactory;
        this.broker = broker;
        this.delivery = delivery;
    }

    void apply() {
        if (!broker.manageAddressSettings()) {
            log.info("hub.broker.manage-address-settings=false: the external broker's address settings for {} are "
                    + "left to its own configuration", Queues.WORK);
            return;
        }
        String settings = BrokerConfiguration.addressSettings(delivery, broker).toJSON();
        for (String queue : Queues.WORK) {
            invoke("addAddressSettings", queue, settings);
        }
        Stream.concat(Queues.WORK.stream(), Stream.of(Queues.DEAD_LETTER))
                .forEach(queue -> invoke("createQueue", QueueConfiguration.of(queue)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true).toJSON(), true));
        log.info("External broker set up: queues {} and {} with redelivery and dead-letter settings {}",
                Queues.WORK, Queues.DEAD_LETTER, settings);
    }

    private void invoke(String operation, Object... parameters) {
        String failure;
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            TemporaryQueue replies = session.createTemporaryQueue();
            Message request = session.createMessage();
            JMSManagementHelper.putOperationInvocation(request, ResourceNames.BROKER, operation, parameters);
            request.setJMSReplyTo(replies);
            session.createProducer(session.createQueue(broker.managementAddress())).send(request);
            Message reply = session.createConsumer(replies).receive(broker.managementTimeout().toMillis());
            failure = reply == null ? "no answer from " + broker.managementAddress() + " within " + broker.managementTimeout()
                    : JMSManagementHelper.hasOperationSucceeded(reply) ? null : String.valueOf(JMSManagementHelper.getResult(reply));
        } catch (Exception e) {
            failure = e.getMessage();
        }
        if (failure != null) {
            throw refused(operation, failure);
        }
    }

    private static IllegalStateException refused(String operation, String why) {
        return new IllegalStateException("The hub could not set up the external broker: " + operation + " was not "
                + "accepted (" + why + "). Check that the broker is reachable; if it refuses management, give the hub's "
                + "broker user the manage permission, or configure the address settings of docker/artemis-etc/broker.xml in the "
                + "broker and set hub.broker.manage-address-settings=false.");
    }
}
