package uk.gov.safeguarding.hub.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

import java.util.List;

/**
 * Drops the embedded broker's notices that it blocks and unblocks a sender on a full work queue (logged from
 * {@code logback-spring.xml}). Under a burst the outbox relay is blocked and unblocked several times a second, which is
 * flow control doing its job, not a fault: the deliveries wait in the database, and are counted by the
 * {@code hub.deliveries} gauge. The broker's other notices are kept.
 */
public class FlowControlNotices extends TurboFilter {

    private static final List<String> FLOW_CONTROL = List.of("AMQ222183:", "AMQ221046:");

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        return format != null && FLOW_CONTROL.stream().anyMatch(format::startsWith) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
