package uk.gov.safeguarding.hub.routing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({RecipientDirectory.class, AuthorityRegister.class})
class RoutingConfiguration {

    @Bean
    StatutoryRouting statutoryRouting() {
        return new StatutoryRouting();
    }

    @Bean
    RecipientChannels recipientChannels(RecipientDirectory national, AuthorityRegister authorities) {
        return new RecipientChannels(national, authorities);
    }
}
