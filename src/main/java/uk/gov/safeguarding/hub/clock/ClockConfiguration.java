package uk.gov.safeguarding.hub.clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

@Configuration
@EnableConfigurationProperties(CalendarSettings.class)
class ClockConfiguration {

    /** The hub's only source of time, so that tests move time instead of sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WorkingDayCalendar workingDayCalendar(CalendarSettings settings, ObjectMapper mapper) throws IOException {
        try (InputStream in = settings.location().getInputStream()) {
            return new WorkingDayCalendar(BankHolidayFeed.englandAndWales(in, mapper));
        }
    }

    @Bean
    StatutoryDeadlines statutoryDeadlines(WorkingDayCalendar calendar) {
        return new StatutoryDeadlines(calendar);
    }
}
