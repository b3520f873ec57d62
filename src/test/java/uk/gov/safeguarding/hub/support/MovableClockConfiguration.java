package uk.gov.safeguarding.hub.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;

/** Replaces the hub's clock with {@link MovableClock#INSTANCE}; import it where a test moves time. */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClockConfiguration {

    @Bean
    @Primary
    Clock movableClock() {
        return MovableClock.INSTANCE;
    }
}
