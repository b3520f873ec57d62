package uk.gov.safeguarding.hub.routing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(RecipientDirectory.class)
class RoutingConfiguration {

    @Bean
    StatutoryRouting statutoryRouting() {
        return new StatutoryRouting();
    }
}
