package uk.gov.safeguarding.hub.escalation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.safeguarding.hub.clock.WorkingDayCalendar;

@Configuration
@EnableConfigurationProperties(EscalationProperties.class)
class EscalationConfiguration {

    @Bean
    EscalationLadders escalationLadders(EscalationProperties properties, WorkingDayCalendar calendar) {
        return new EscalationLadders(properties, calendar);
    }
}
