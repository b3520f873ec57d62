package uk.gov.safeguarding.hub.clock;

import java.time.LocalDate;

/** What other features hear about clocks, inside the transaction that changed them. */
public final class ClockEvents {

    private ClockEvents() {
    }

    /** @param localAuthority the notification's authority, whose contacts its escalations go to */
    public record Started(String notificationId, String localAuthority, ClockType clock, LocalDate deadline) {
    }

    public record Met(String notificationId, ClockType clock) {
    }

    /** No rung fires and no breach is recorded while a clock is paused. */
    public record Paused(String notificationId, ClockType clock) {
    }

    /** A paused clock runs again, to {@code deadline}. */
    public record Resumed(String notificationId, String localAuthority, ClockType clock, LocalDate deadline) {
    }
}
