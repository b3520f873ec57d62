package uk.gov.safeguarding.hub.escalation;

import uk.gov.safeguarding.hub.clock.ClockType;

/** Names one rung of one clock of one notification; its text form is the body of an escalation message. */
record EscalationKey(String notificationId, ClockType clock, String rung) {

    static EscalationKey parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("\\|");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not an escalation key: " + text);
        }
        return new EscalationKey(parts[0], ClockType.valueOf(parts[1]), parts[2]);
    }

    @Override
    public String toString() {
        return notificationId + "|" + clock + "|" + rung;
    }
}
