package uk.gov.safeguarding.hub.clock;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/** @param location the bank-holiday calendar in the GOV.UK {@code bank-holidays.json} format ({@code hub.calendar.location}) */
@ConfigurationProperties("hub.calendar")
record CalendarSettings(Resource location) {
}
