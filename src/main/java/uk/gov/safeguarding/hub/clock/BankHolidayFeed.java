package uk.gov.safeguarding.hub.clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads the England and Wales division of a file in the format of the GOV.UK {@code bank-holidays.json} feed. */
public final class BankHolidayFeed {

    static final String DIVISION = "england-and-wales";

    private BankHolidayFeed() {
    }

    public static List<LocalDate> englandAndWales(InputStream json, ObjectMapper mapper) throws IOException {
        JsonNode events = mapper.readTree(json).path(DIVISION).path("events");
        if (!events.isArray() || events.isEmpty()) {
            throw new IOException("No '" + DIVISION + ".events' list in the bank-holiday file");
        }
        List<LocalDate> dates = new ArrayList<>();
        for (JsonNode event : events) {
            String date = event.path("date").asText("");
            try {
                dates.add(LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                throw new IOException("Bank-holiday event with an unreadable date '" + date + "'", e);
            }
        }
        return dates;
    }
}
