package uk.gov.safeguarding.hub.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ChildDataCipher.Properties.class)
class ChildDataConfiguration {

    @Bean
    ChildDataCipher childDataCipher(ChildDataCipher.Properties properties) {
        return new ChildDataCipher(properties);
    }
}
