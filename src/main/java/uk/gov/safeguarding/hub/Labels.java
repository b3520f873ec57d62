package uk.gov.safeguarding.hub;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How people read the hub's dates and categories: one place for every email and page written in Java. */
public final class Labels {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    private Labels() {
    }

    /** "Thursday 26 November 2026". */
    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** "26 November 2026 at 14:05", in UK time. */
    public static String when(OffsetDateTime at) {
        return WHEN.format(at.atZoneSameInstant(LONDON));
    }

    /** "Death of a child" for DEATH, "Serious harm to a child" for SERIOUS_HARM. */
    public static String incidentType(String type) {
        return "DEATH".equals(type) ? "Death of a child" : "Serious harm to a child";
    }
}
