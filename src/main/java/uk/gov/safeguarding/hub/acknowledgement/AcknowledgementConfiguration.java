package uk.gov.safeguarding.hub.acknowledgement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration
class AcknowledgementConfiguration {

    @Bean
    AcknowledgementTokens acknowledgementTokens(@Value("${hub.acknowledgement.secret}") String secret,
                                                @Value("${hub.acknowledgement.token-ttl}") Duration ttl) {
        return new AcknowledgementTokens(secret, ttl);
    }
}
