package uk.gov.safeguarding.hub.deadletter;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.springframework.stereotype.Component;
import uk.gov.safeguarding.hub.broker.DeadLetterListener;
import uk.gov.safeguarding.hub.broker.DeadLetterRecorder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dead letters are the broker's own queue {@code hub.dead-letter}, read and changed over JMS (so the same code
 * serves the embedded broker and an external one). There is no second list that could drift from the broker.
 * A retry takes the message off the queue and puts a copy on its work queue in one JMS transaction, committed
 * only after the owning feature has reset its state.
 */
@Component
public class DeadLetterQueue {

    static final String QUEUE = "hub.dead-letter";
    static final String BROKER_GAVE_UP = "BrokerMaxDeliveryAttempts";
    private static final String KIND = "hubDeadLetterKind";
    private static final String BROKER_DEAD_LETTERS = KIND + " IS NULL";
    static final String UNKNOWN_KIND = "UNKNOWN";
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
    private static final long RECEIVE_TIMEOUT_MILLIS = 2000;

    private final ConnectionFactory connectionFactory;
    private final DeadLetterRecorder features;

    DeadLetterQueue(ConnectionFactory connectionFactory, DeadLetterRecorder features) {
        this.connectionFactory = connectionFactory;
        this.features = features;
    }

    public List<DeadLetter> list() {
        return browse(null);
    }

    /** One dead letter, read by its message id without walking the whole queue. */
    public Optional<DeadLetter> find(String id) {
        return MESSAGE_ID.matcher(id).matches() ? browse(selector(id)).stream().findFirst() : Optional.empty();
    }

    /** How many messages the queue holds, without describing each (for metrics). */
    public int count() {
        return inSession(session -> {
            try (QueueBrowser browser = session.createBrowser(session.createQueue(QUEUE))) {
                return Collections.list(browser.getEnumeration()).size();
            }
        });
    }

    private List<DeadLetter> browse(String selector) {
        return inSession(session -> {
            List<DeadLetter> deadLetters = new ArrayList<>();
            try (QueueBrowser browser = session.createBrowser(session.createQueue(QUEUE), selector)) {
                for (Object message : Collections.list(browser.getEnumeration())) {
                    deadLetters.add(describe((Message) message));
                }
            }
            return deadLetters;
        });
    }

    /**
     * Records in their features the dead letters the broker moved by itself, which the hub could not record when
     * they happened (its database was down, say), so that a delivery's state agrees with the queue. Recording is
     * idempotent: a subject already recorded, retried or sent is left as it is.
     */
    public int recordBrokerDeadLetters() {
        List<DeadLetter> unrecorded = browse(BROKER_DEAD_LETTERS).stream()
                .filter(deadLetter -> !UNKNOWN_KIND.equals(deadLetter.kind())).toList();
        unrecorded.forEach(deadLetter -> features.record(deadLetter.kind(), deadLetter.subjectId(), deadLetter.cause()));
        return unrecorded.size();
    }

    private static String selector(String id) {
        return "JMSMessageID = 'ID:" + id + "'";
    }

    /** Puts the message back on its work queue; empty when it is no longer on the dead-letter queue. */
    public Optional<DeadLetter> retry(String id, String actor) {
        return take(id, (session, message, deadLetter) -> {
            DeadLetterListener feature = features.listenerFor(deadLetter.kind());
            TextMessage copy = session.createTextMessage(((TextMessage) message).getText());
            for (String property : Collections.list((Enumeration<String>) message.getPropertyNames())) {
                if (property.startsWith("hub") && !property.startsWith("hubFailure")) {
                    copy.setObjectProperty(property, message.getObjectProperty(property));
                }
            }
            session.createProducer(session.createQueue(feature.queue())).send(copy);
            feature.retrying(deadLetter.subjectId(), actor);
        });
    }

    /** Removes the message for good; empty when it is no longer on the dead-letter queue. */
    public Optional<DeadLetter> discard(String id, String reason, String actor) {
        return take(id, (session, message, deadLetter) ->
                features.listenerFor(deadLetter.kind()).discarded(deadLetter.subjectId(), reason, actor));
    }

    private Optional<DeadLetter> take(String id, Action action) {
        if (!MESSAGE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return inSession(session -> {
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE), selector(id))) {
                Message message = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
                if (message == null) {
                    return Optional.empty();
                }
                DeadLetter deadLetter = describe(message);
                try {
                    action.apply(session, message, deadLetter);
                    session.commit();
                } catch (RuntimeException | JMSException e) {
                    session.rollback();
                    throw e;
                }
                return Optional.of(deadLetter);
            }
        });
    }

    private DeadLetter describe(Message message) throws JMSException {
        String kind = message.getStringProperty(KIND);
        String cause = message.getStringProperty("hubFailureCause");
        String causeType = message.getStringProperty("hubFailureType");
        String route = message.getStringProperty("hubFailedRoute");
        if (kind == null) {
            // dead-lettered by the broker itself after hub.delivery.broker-max-attempts deliveries
            String origin = message.getStringProperty("_AMQ_ORIG_ADDRESS");
            kind = features.kindOfQueue(String.valueOf(origin)).orElse(UNKNOWN_KIND);
            causeType = BROKER_GAVE_UP;
            // (a browsed copy's JMSXDeliveryCount is not the count the broker gave up at, so none is quoted)
            cause = "The broker gave up on this message from " + origin + " after its maximum deliveries"
                    + " (hub.delivery.broker-max-attempts) without the hub recording a failure";
            route = origin;
        }
        String subjectId = ((TextMessage) message).getText();
        Optional<DeadLetterListener.Subject> subject = UNKNOWN_KIND.equals(kind) ? Optional.empty()
                : features.listenerFor(kind).describe(subjectId);
        return new DeadLetter(message.getJMSMessageID().replaceFirst("^ID:", ""), kind, subjectId,
                subject.map(DeadLetterListener.Subject::notificationId).orElse(null),
                subject.map(DeadLetterListener.Subject::recipient).orElse("UNKNOWN"),
                subject.map(DeadLetterListener.Subject::channel).orElse("UNKNOWN"),
                route, subject.map(DeadLetterListener.Subject::attempts).orElse(0), causeType, cause,
                DeadLetterGroups.maskCause(cause),
                OffsetDateTime.ofInstant(Instant.ofEpochMilli(message.getJMSTimestamp()), ZoneOffset.UTC));
    }

    private <T> T inSession(SessionWork<T> work) {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            connection.start();
            return work.apply(session);
        } catch (JMSException e) {
            throw new IllegalStateException("The dead-letter queue could not be read: " + e.getMessage(), e);
        }
    }

    private interface SessionWork<T> {
        T apply(Session session) throws JMSException;
    }

    private interface Action {
        void apply(Session session, Message message, DeadLetter deadLetter) throws JMSException;
    }
}
