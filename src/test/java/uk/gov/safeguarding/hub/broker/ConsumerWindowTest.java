package uk.gov.safeguarding.hub.broker;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The consumer window reaches the Artemis factory Spring Boot makes, behind its caching factory or not. */
class ConsumerWindowTest {

    @Test
    void reachesArtemisBehindTheCachingFactory() {
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory("vm://0");
        assertThat(artemis.getConsumerWindowSize()).as("Artemis's own default").isEqualTo(1024 * 1024);

        window(DataSize.ofBytes(0)).postProcessAfterInitialization(new CachingConnectionFactory(artemis), "jmsConnectionFactory");

        assertThat(artemis.getConsumerWindowSize()).isZero();
    }

    @Test
    void anOperatorsWindowReachesAnUncachedFactory() {
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory("vm://0");

        window(DataSize.ofKilobytes(64)).postProcessAfterInitialization(artemis, "jmsConnectionFactory");

        assertThat(artemis.getConsumerWindowSize()).isEqualTo(64 * 1024);
    }

    @Test
    void aWindowArtemisCannotTakeIsRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> settings(DataSize.ofGigabytes(3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hub.broker.consumer-window-size");
        assertThatThrownBy(() -> settings(DataSize.ofBytes(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hub.broker.consumer-window-size");
    }

    private static ConsumerWindow window(DataSize size) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("brokerProperties", settings(size));
        return new ConsumerWindow(beans.getBeanProvider(BrokerProperties.class));
    }

    private static BrokerProperties settings(DataSize consumerWindow) {
        return new BrokerProperties(DataSize.ofMegabytes(2), true, "activemq.management", Duration.ofSeconds(10), consumerWindow);
    }
}
