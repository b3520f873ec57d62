package uk.gov.safeguarding.hub.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;


/** Replaces the hub's clock with a {@link MovableClock} of the context's own; import it where a test moves time. */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClockConfiguration {

    /** Each application context has its own clock, moved by its tests through this bean. */
    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }
}
