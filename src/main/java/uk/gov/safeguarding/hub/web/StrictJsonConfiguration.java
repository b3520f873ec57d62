package uk.gov.safeguarding.hub.web;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hub's one ObjectMapper, and so every API request body, reads strictly ({@link StrictJson}). */
@Configuration
class StrictJsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder.postConfigurer(StrictJson::apply);
    }
}
