package uk.gov.safeguarding.hub.broker;

import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import uk.gov.safeguarding.hub.support.ExternalArtemis;
import uk.gov.safeguarding.hub.support.FreePort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An external broker knows nothing of the hub: at start-up the hub gives it the redelivery and dead-letter settings
 * of its work queues and creates its queues, or refuses to start when the broker will not let it.
 */
class ExternalBrokerSetupTest {

    private static final RetryPolicy DELIVERY = new RetryPolicy(3, Duration.ofMillis(300), 1.5, Duration.ofSeconds(20), 12);
    private static final BrokerProperties MANAGED = new BrokerProperties(true, "activemq.management", Duration.ofSeconds(5));

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
    void aBrokerThatRefusesManagementStopsTheHubUnlessTheOperatorHasConfiguredIt() {
        try (ExternalArtemis broker = ExternalArtemis.withoutManagePermission()) {
            ActiveMQConnectionFactory connections = new ActiveMQConnectionFactory(broker.url(), ExternalArtemis.USER, ExternalArtemis.PASSWORD);

            assertThatThrownBy(() -> setUp(MANAGED, connections))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("addAddressSettings was not accepted").hasMessageContaining("MANAGE")
                    .hasMessageContaining("hub.broker.manage-address-settings=false");
            assertThat(deadLetterAddressOfDeliveries(broker)).as("no settings were applied").isNull();

            setUp(new BrokerProperties(false, "activemq.management", Duration.ofSeconds(5)), connections);
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
