package uk.gov.safeguarding.hub.deadletter;

import java.time.OffsetDateTime;

/**
 * One message on the dead-letter queue, redacted for operations: ids, recipient, channel, route, attempts,
 * cause and times, never child data (the messages carry none).
 *
 * @param id         the broker's message id without its "ID:" prefix
 * @param kind       DELIVERY or ESCALATION
 * @param subjectId  the delivery id, or the escalation key
 * @param causeGroup the cause with ids and numbers masked, for grouping
 */
public record DeadLetter(String id, String kind, String subjectId, String notificationId, String recipient,
                         String channel, String route, int attempts, String causeType, String cause,
                         String causeGroup, OffsetDateTime failedAt) {

    /** The group a dead letter belongs to: same kind of failure, same recipient and channel. */
    public String groupKey() {
        return causeType + " | " + causeGroup + " | " + recipient + " | " + channel;
    }
}
