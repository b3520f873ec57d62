package uk.gov.safeguarding.hub.broker;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub's consumers take from the broker only what they deliver, through Spring's caching factory or without it. */
class BrokerConfigurationTest {

    private final BrokerConfiguration configuration = new BrokerConfiguration();

    @Test
    void theConsumerWindowReachesArtemisBehindTheCachingFactory() {
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory("vm://0");
        assertThat(artemis.getConsumerWindowSize()).isEqualTo(1024 * 1024);

        configuration.jms(new CachingConnectionFactory(artemis), settings(DataSize.ofBytes(0)));

        assertThat(artemis.getConsumerWindowSize()).isZero();
    }

    @Test
    void anOperatorsWindowIsAppliedToAnUncachedFactory() {
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory("vm://0");

        configuration.jms(artemis, settings(DataSize.ofKilobytes(64)));

        assertThat(artemis.getConsumerWindowSize()).isEqualTo(64 * 1024);
    }

    private static BrokerProperties settings(DataSize consumerWindow) {
        return new BrokerProperties(DataSize.ofMegabytes(2), true, "activemq.management", Duration.ofSeconds(10), consumerWindow);
    }
}
