package uk.gov.safeguarding.hub.broker;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.component.jms.JmsMessage;
import org.springframework.stereotype.Component;

/**
 * The first step of every route that consumes from a hub queue: the hub's messages are text (an id or a key), so
 * anything else is dead-lettered unread, never deserialised (an ObjectMessage's body would be Java deserialisation
 * of whatever someone put on the queue). Its body becomes a note of what it was, so that nothing later reads it.
 */
@Component("textMessagesOnly")
public class TextMessagesOnly implements Processor {

    private final DeadLetterRecorder features;

    TextMessagesOnly(DeadLetterRecorder features) {
        this.features = features;
    }

    /** A processor, not a bean method: binding a bean method's arguments would read the body first. */
    @Override
    public void process(Exchange exchange) {
        if (!(exchange.getMessage() instanceof JmsMessage jms) || jms.getJmsMessage() instanceof TextMessage) {
            return;
        }
        Message message = jms.getJmsMessage();
        String type = message == null ? "message" : message.getClass().getSimpleName();
        String queue = exchange.getFromEndpoint() instanceof JmsEndpoint endpoint ? endpoint.getDestinationName() : "?";
        exchange.getMessage().setBody("unread " + type);
        throw new AttemptsExhaustedException(features.kindOfQueue(queue).orElse("UNKNOWN"),
                "Only text messages are read from " + queue + "; a " + type + " was dead-lettered unread", null);
    }
}
