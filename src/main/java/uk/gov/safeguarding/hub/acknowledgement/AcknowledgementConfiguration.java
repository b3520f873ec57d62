package uk.gov.safeguarding.hub.acknowledgement;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.safeguarding.hub.HubProperties;
import uk.gov.safeguarding.hub.delivery.AcknowledgementLinks;

import java.time.Clock;

@Configuration
@EnableConfigurationProperties(AcknowledgementSettings.class)
class AcknowledgementConfiguration {

    @Bean
    AcknowledgementTokens acknowledgementTokens(AcknowledgementSettings settings) {
        return new AcknowledgementTokens(settings.keyId(), settings.secret(), settings.previousSecrets(), settings.tokenTtl());
    }

    /** The links deliveries carry: signed tokens that the acknowledgement page verifies. */
    @Bean
    AcknowledgementLinks acknowledgementLinks(AcknowledgementTokens tokens, HubProperties hub, Clock clock) {
        return deliveryId -> hub.link("/acknowledgements/" + tokens.issue(deliveryId, clock.instant()));
    }
}
