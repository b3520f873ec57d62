package uk.gov.safeguarding.hub.broker;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.safeguarding.hub.support.SharedHubIntegrationTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the hub's own connection factory and embedded broker, a consumer holds only the message it is working on: the
 * others wait in the broker, not in the hub's heap.
 */
@SharedHubIntegrationTest
class ConsumerWindowIntegrationTest {

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    EmbeddedActiveMQ broker;

    @Test
    void aConsumerTakesNothingAheadOfTheMessageItReceived() throws Exception {
        String name = "test.consumer-window." + UUID.randomUUID();
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE)) {
            connection.start();
            Queue queue = session.createQueue(name);
            try (MessageConsumer consumer = session.createConsumer(queue);
                 MessageProducer producer = session.createProducer(queue)) {
                for (int i = 0; i < 5; i++) {
                    producer.send(session.createTextMessage("message " + i));
                }

                assertThat(consumer.receive(10_000)).isNotNull();

                var onTheBroker = broker.getActiveMQServer().locateQueue(SimpleString.of(name));
                assertThat(onTheBroker.getMessageCount()).isEqualTo(5);
                assertThat(onTheBroker.getDeliveringCount()).as("handed to the consumer").isEqualTo(1);
            }
        } finally {
            broker.getActiveMQServer().destroyQueue(SimpleString.of(name), null, false, true);
        }
    }
}
