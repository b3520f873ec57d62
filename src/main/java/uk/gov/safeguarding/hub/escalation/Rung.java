package uk.gov.safeguarding.hub.escalation;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rung of an escalation ladder: {@code workingDaysBefore} the deadline day at {@code at} (Europe/London), or
 * the breach rung, which is due the moment the window closes.
 *
 * @param id       the rung as written in configuration and shown in the API: "-2WD", "0WD" or "breach"
 * @param contacts the contact groups it emails, of the notification's own authority
 */
public record Rung(String id, int workingDaysBefore, LocalTime at, boolean breach, List<String> contacts) {

    static final String BREACH = "breach";
    private static final Pattern RELATIVE = Pattern.compile("(-?\\d{1,2})WD\\s+(\\d{2}:\\d{2})");

    /** Reads "-2WD 09:00", "0WD 09:00" or "breach". */
    static Rung parse(String spec, List<String> contacts) {
        String trimmed = spec == null ? "" : spec.trim();
        if (BREACH.equalsIgnoreCase(trimmed)) {
            return new Rung(BREACH, 0, LocalTime.MIDNIGHT, true, List.copyOf(contacts));
        }
        Matcher m = RELATIVE.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalStateException("Escalation rung '" + spec + "' is neither 'breach' nor like '-2WD 09:00'");
        }
        int offset = Integer.parseInt(m.group(1));
        if (offset > 0) {
            throw new IllegalStateException("Escalation rung '" + spec + "' is after the deadline: use 'breach' for that");
        }
        try {
            return new Rung(offset + "WD", -offset, LocalTime.parse(m.group(2)), false, List.copyOf(contacts));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("Escalation rung '" + spec + "' has no valid time of day", e);
        }
    }
}
