package uk.gov.safeguarding.hub.delivery;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import uk.gov.safeguarding.hub.HubProperties;

@Configuration
@EnableConfigurationProperties({DeliveryProperties.class, HubProperties.class})
class DeliveryConfiguration {
}
