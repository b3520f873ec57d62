package uk.gov.safeguarding.hub.clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

@Configuration
class ClockConfiguration {

    /** The hub's only source of time, so that tests move time instead of sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WorkingDayCalendar workingDayCalendar(@Value("${hub.calendar.location}") Resource location, ObjectMapper mapper)
            throws IOException {
        try (InputStream in = location.getInputStream()) {
            return new WorkingDayCalendar(BankHolidayFeed.englandAndWales(in, mapper));
        }
    }

    @Bean
    StatutoryDeadlines statutoryDeadlines(WorkingDayCalendar calendar) {
        return new StatutoryDeadlines(calendar);
    }
}
