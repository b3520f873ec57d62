package uk.gov.safeguarding.hub.escalation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.safeguarding.hub.clock.WorkingDayCalendar;
import uk.gov.safeguarding.hub.routing.AuthorityRegister;

@Configuration
@EnableConfigurationProperties(EscalationProperties.class)
class EscalationConfiguration {

    @Bean
    EscalationLadders escalationLadders(EscalationProperties properties, AuthorityRegister authorities,
                                         WorkingDayCalendar calendar) {
        return new EscalationLadders(properties, authorities, calendar);
    }
}
