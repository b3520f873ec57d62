package uk.gov.safeguarding.hub.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops the embedded broker's notices that it blocks and unblocks a sender on a full work queue (logged from
 * {@code logback-spring.xml}). Under a burst the outbox relay is blocked and unblocked several times a second, which is
 * flow control doing its job, not a fault: the deliveries wait in the database, and are counted by the
 * {@code hub.deliveries} gauge. The broker's other notices are kept.
 * <p>
 * A turbo filter is asked about every logging call, whether or not its level is enabled: the debug and trace calls of
 * Camel, Spring and the broker on each delivery come here too, so those are let through first, and without allocating
 * (a stream per call here was 4 % of all the hub's allocation during fan-out).
 */
public class FlowControlNotices extends TurboFilter {

    private static final String BLOCKING = "AMQ222183:";
    private static final String UNBLOCKING = "AMQ221046:";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null || !level.isGreaterOrEqual(Level.INFO)) {
            return FilterReply.NEUTRAL;
        }
        return format.startsWith(BLOCKING) || format.startsWith(UNBLOCKING) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
