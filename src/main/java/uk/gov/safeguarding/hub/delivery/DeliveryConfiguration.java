package uk.gov.safeguarding.hub.delivery;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({DeliveryProperties.class, OutboxSettings.class})
class DeliveryConfiguration {
}
