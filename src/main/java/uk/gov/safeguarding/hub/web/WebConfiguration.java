package uk.gov.safeguarding.hub.web;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The web layer's settings: the hub's one ObjectMapper, and so every API request body, reads strictly
 * ({@link StrictJson}); request bodies are limited in size ({@link IntakeSettings}).
 */
@Configuration
@EnableConfigurationProperties(IntakeSettings.class)
class WebConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder.postConfigurer(StrictJson::apply);
    }
}
