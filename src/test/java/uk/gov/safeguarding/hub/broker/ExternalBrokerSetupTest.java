package uk.gov.safeguarding.hub.broker;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.paging.PagingStore;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import uk.gov.safeguarding.hub.support.ExternalArtemis;
import uk.gov.safeguarding.hub.support.FreePort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An external broker knows nothing of the hub: at start-up the hub gives it the redelivery, dead-letter and size settings
 * of its work queues and creates its queues, or refuses to start when the broker will not let it.
 */
class ExternalBrokerSetupTest {

    private static final RetryPolicy DELIVERY = new RetryPolicy(3, Duration.ofMillis(300), 1.5, Duration.ofSeconds(20), 12);
    private static final BrokerProperties MANAGED = new BrokerProperties(DataSize.ofKilobytes(64), true, "activemq.management", Duration.ofSeconds(5), DataSize.ofBytes(0));

    @Test
    void aBareBrokerIsGivenTheHubsQueuesAndTheirRedeliveryAndDeadLetterSettings() {
        try (ExternalArtemis broker = ExternalArtemis.open()) {
            setUp(MANAGED, new ActiveMQConnectionFactory(broker.url()));

            for (String queue : Queues.WORK) {
                AddressSettings settings = broker.server().getAddressSettingsRepository().getMatch(queue);
                assertThat(settings.getRedeliveryDelay()).isEqualTo(300);
                assertThat(settings.getRedeliveryMultiplier()).isEqualTo(1.5);
                assertThat(settings.getMaxRedeliveryDelay()).isEqualTo(20_000);
                assertThat(settings.getMaxDeliveryAttempts()).isEqualTo(12);
                assertThat(String.valueOf(settings.getDeadLetterAddress())).isEqualTo(Queues.DEAD_LETTER);
                assertThat(settings.getMaxSizeBytes()).isEqualTo(64 * 1024);
                assertThat(settings.getAddressFullMessagePolicy()).isEqualTo(AddressFullMessagePolicy.BLOCK);
            }
            for (String queue : new String[] {"hub.delivery", "hub.escalation", "hub.dead-letter"}) {
                assertThat(broker.server().locateQueue(queue)).as(queue).isNotNull();
            }

            // a restart, or a second instance, sets the same again without harm
            setUp(MANAGED, new ActiveMQConnectionFactory(broker.url()));
            assertThat(broker.server().locateQueue("hub.dead-letter")).isNotNull();
        }
    }

    @Test
    void aFullWorkQueueMakesItsSenderWaitUntilConsumersMakeRoomAndLosesNothing() throws Exception {
        try (ExternalArtemis broker = ExternalArtemis.open();
             ActiveMQConnectionFactory connections = new ActiveMQConnectionFactory(broker.url());
             Connection connection = connections.createConnection()) {
            setUp(MANAGED, new ActiveMQConnectionFactory(broker.url()));
            connection.start();
            int sent = 1_000;
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> sendInBatchesOf50(connection, sent));

            PagingStore deliveries = broker.server().getPagingManager().getPageStore(SimpleString.of(Queues.DELIVERY));
            await().atMost(Duration.ofSeconds(10)).until(deliveries::isFull);
            // 64 KB holds about 250 of these short messages
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !sender.isDone()
                    && broker.server().locateQueue(Queues.DELIVERY).getMessageCount() < sent / 2);

            List<String> received = new ArrayList<>();
            try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                 MessageConsumer consumer = session.createConsumer(session.createQueue(Queues.DELIVERY))) {
                while (received.size() < sent) {
                    TextMessage message = (TextMessage) consumer.receive(10_000);
                    assertThat(message).as("message %d", received.size()).isNotNull();
                    received.add(message.getText());
                }
            }
            sender.get(10, TimeUnit.SECONDS);
            assertThat(received).containsExactlyElementsOf(IntStream.range(0, sent).mapToObj(String::valueOf).toList());
        }
    }

    private static void sendInBatchesOf50(Connection connection, int count) {
        try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer producer = session.createProducer(session.createQueue(Queues.DELIVERY))) {
            for (int i = 0; i < count; i++) {
                producer.send(session.createTextMessage(String.valueOf(i)));
                if (i % 50 == 49) {
                    session.commit();
                }
            }
            session.commit();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBrokerThatRefusesManagementStopsTheHubUnlessTheOperatorHasConfiguredIt() {
        try (ExternalArtemis broker = ExternalArtemis.withoutManagePermission()) {
            ActiveMQConnectionFactory connections = new ActiveMQConnectionFactory(broker.url(), ExternalArtemis.USER, ExternalArtemis.PASSWORD);

            assertThatThrownBy(() -> setUp(MANAGED, connections))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("addAddressSettings was not accepted").hasMessageContaining("MANAGE")
                    .hasMessageContaining("hub.broker.manage-address-settings=false");
            assertThat(deadLetterAddressOfDeliveries(broker)).as("no settings were applied").isNull();

            setUp(new BrokerProperties(DataSize.ofKilobytes(64), false, "activemq.management", Duration.ofSeconds(5), DataSize.ofBytes(0)), connections);
            assertThat(deadLetterAddressOfDeliveries(broker)).as("no settings were applied").isNull();
        }
    }

    @Test
    void anUnreachableBrokerStopsTheHubWithAClearMessage() {
        ActiveMQConnectionFactory nowhere = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + FreePort.find());

        assertThatThrownBy(() -> setUp(MANAGED, nowhere))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not set up the external broker")
                .hasMessageContaining("Check that the broker is reachable");
    }

    private static Object deadLetterAddressOfDeliveries(ExternalArtemis broker) {
        return broker.server().getAddressSettingsRepository().getMatch("hub.delivery").getDeadLetterAddress();
    }

    private static void setUp(BrokerProperties properties, ActiveMQConnectionFactory connections) {
        try (connections) {
            new ExternalBrokerSetup(connections, properties, DELIVERY).apply();
        }
    }
}
