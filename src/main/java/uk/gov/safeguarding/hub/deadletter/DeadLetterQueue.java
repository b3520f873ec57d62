package uk.gov.safeguarding.hub.deadletter;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import uk.gov.safeguarding.hub.broker.DeadLetterListener;
import uk.gov.safeguarding.hub.broker.DeadLetterRecorder;
import uk.gov.safeguarding.hub.broker.Queues;
import uk.gov.safeguarding.hub.web.ApiProblem;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The dead letters are the broker's own queue {@code hub.dead-letter}, read and changed over JMS (so the same code
 * serves the embedded broker and an external one). There is no second list that could drift from the broker.
 * A retry takes the message off the queue and puts a copy on its work queue in one JMS transaction, committed
 * only after the owning feature has reset its state.
 */
@Component
public class DeadLetterQueue {

    static final String QUEUE = Queues.DEAD_LETTER;
    static final String BROKER_GAVE_UP = "BrokerMaxDeliveryAttempts";
    private static final String KIND = "hubDeadLetterKind";
    private static final String FAILED_AT = "hubFailedAtMillis";
    private static final String BROKER_DEAD_LETTERS = KIND + " IS NULL";
    /** What a dead letter says about its failure; a retried copy goes back to work without it. */
    private static final Set<String> FAILURE_PROPERTIES = Set.of(KIND, FAILED_AT, "hubFailureType", "hubFailureCause",
            "hubFailedRoute");
    static final String UNKNOWN_KIND = "UNKNOWN";
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
    private static final long RECEIVE_TIMEOUT_MILLIS = 2000;
    /** At most this many dead letters the broker moved by itself are recorded per reconciliation. */
    private static final int RECONCILE_BATCH = 500;

    private final JmsTemplate jms;
    private final DeadLetterRecorder features;

    DeadLetterQueue(ConnectionFactory connectionFactory, DeadLetterRecorder features) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.features = features;
    }

    public List<DeadLetter> list() {
        return describeAll(browse(null));
    }

    /** One dead letter, read by its message id without walking the whole queue. */
    public Optional<DeadLetter> find(String id) {
        return MESSAGE_ID.matcher(id).matches() ? describeAll(browse(selector(id))).stream().findFirst() : Optional.empty();
    }

    /** How many messages the queue holds, without describing each (for metrics). */
    public int count() {
        Integer count = jms.browse(QUEUE, (session, browser) -> Collections.list(browser.getEnumeration()).size());
        return count == null ? 0 : count;
    }

    private List<Raw> browse(String selector) {
        return jms.browseSelected(QUEUE, selector, (session, browser) -> {
            List<Raw> messages = new ArrayList<>();
            for (Object message : Collections.list(browser.getEnumeration())) {
                messages.add(raw((Message) message));
            }
            return messages;
        });
    }

    /** Describes dead letters with one query per kind of work, not one per message. */
    private List<DeadLetter> describeAll(List<Raw> messages) {
        Map<String, Map<String, DeadLetterListener.Subject>> subjects = new HashMap<>();
        messages.stream().filter(m -> !UNKNOWN_KIND.equals(m.kind()))
                .collect(Collectors.groupingBy(Raw::kind, Collectors.mapping(Raw::subjectId, Collectors.toSet())))
                .forEach((kind, ids) -> subjects.put(kind, features.listenerFor(kind).describeAll(ids)));
        return messages.stream().map(m -> m.describe(subjects.getOrDefault(m.kind(), Map.of()).get(m.subjectId())))
                .toList();
    }

    /**
     * Records in their features the dead letters the broker moved by itself, which the hub could not record when
     * they happened (its database was down, say), so that a delivery's state agrees with the queue. Each such
     * message is recorded once: it is put back on the queue, in the same JMS transaction, marked with its kind and
     * cause as the hub's own dead letters are, so that the next reconciliation does not see it again.
     */
    public int recordBrokerDeadLetters() {
        Integer recorded = jms.execute(session -> {
            int count = 0;
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE), BROKER_DEAD_LETTERS);
                 MessageProducer producer = session.createProducer(session.createQueue(QUEUE))) {
                for (Message message = consumer.receiveNoWait(); message != null && count < RECONCILE_BATCH;
                     message = consumer.receiveNoWait()) {
                    Raw raw = raw(message);
                    try {
                        if (!UNKNOWN_KIND.equals(raw.kind())) {
                            features.record(raw.kind(), raw.subjectId(), raw.cause());
                        }
                        producer.send(marked(session, message, raw));
                        session.commit();
                        count++;
                    } catch (RuntimeException | JMSException e) {
                        session.rollback();
                        throw e;
                    }
                }
            }
            return count;
        }, true);
        return recorded == null ? 0 : recorded;
    }

    /** A copy of a dead letter the broker moved by itself, with what the hub knows of it as properties. */
    private static Message marked(Session session, Message message, Raw raw) throws JMSException {
        TextMessage copy = session.createTextMessage(raw.subjectId());
        copyHubProperties(message, copy, Set.of());
        copy.setStringProperty(KIND, raw.kind());
        copy.setStringProperty("hubFailureType", raw.causeType());
        copy.setStringProperty("hubFailureCause", raw.cause());
        copy.setStringProperty("hubFailedRoute", raw.route());
        copy.setLongProperty(FAILED_AT, raw.failedAt().toInstant().toEpochMilli());
        return copy;
    }

    private static String selector(String id) {
        return "JMSMessageID = 'ID:" + id + "'";
    }

    /** Puts the message back on its work queue; empty when it is no longer on the dead-letter queue. */
    public Optional<DeadLetter> retry(String id, String actor) {
        return take(id, (session, message, deadLetter) -> {
            if (!(message instanceof TextMessage text) || UNKNOWN_KIND.equals(deadLetter.kind())
                    || deadLetter.notificationId() == null) {
                throw new ApiProblem(HttpStatus.CONFLICT, "Cannot be retried",
                        "This dead letter is not work of the hub (" + deadLetter.subjectId() + "); it can only be discarded");
            }
            DeadLetterListener feature = features.listenerFor(deadLetter.kind());
            TextMessage copy = session.createTextMessage(text.getText());
            copyHubProperties(message, copy, FAILURE_PROPERTIES);
            try (MessageProducer producer = session.createProducer(session.createQueue(feature.queue()))) {
                producer.send(copy);
            }
            feature.retrying(deadLetter.subjectId(), actor);
        });
    }

    /** Removes the message for good; empty when it is no longer on the dead-letter queue. */
    public Optional<DeadLetter> discard(String id, String reason, String actor) {
        return take(id, (session, message, deadLetter) -> {
            if (!UNKNOWN_KIND.equals(deadLetter.kind())) {
                features.listenerFor(deadLetter.kind()).discarded(deadLetter.subjectId(), reason, actor);
            }
        });
    }

    private Optional<DeadLetter> take(String id, Action action) {
        if (!MESSAGE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return jms.execute(session -> {
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE), selector(id))) {
                Message message = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
                if (message == null) {
                    return Optional.empty();
                }
                DeadLetter deadLetter = describeAll(List.of(raw(message))).get(0);
                try {
                    action.apply(session, message, deadLetter);
                    session.commit();
                } catch (RuntimeException | JMSException e) {
                    session.rollback();
                    throw e;
                }
                return Optional.of(deadLetter);
            }
        }, true);
    }

    /** Copies the hub's own properties of a message (its subject's ids), but for {@code except}. */
    private static void copyHubProperties(Message from, Message to, Set<String> except) throws JMSException {
        for (String property : Collections.list((Enumeration<String>) from.getPropertyNames())) {
            if (property.startsWith("hub") && !except.contains(property)) {
                to.setObjectProperty(property, from.getObjectProperty(property));
            }
        }
    }

    private Raw raw(Message message) throws JMSException {
        String kind = message.getStringProperty(KIND);
        String cause = message.getStringProperty("hubFailureCause");
        String causeType = message.getStringProperty("hubFailureType");
        String route = message.getStringProperty("hubFailedRoute");
        long failedAt = message.propertyExists(FAILED_AT) ? message.getLongProperty(FAILED_AT) : message.getJMSTimestamp();
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
        // the hub's own messages are text; anything else is described, never read (nor deserialised)
        String subjectId = message instanceof TextMessage text ? text.getText() : "unread " + message.getClass().getSimpleName();
        return new Raw(message.getJMSMessageID().replaceFirst("^ID:", ""), kind, subjectId,
                route, causeType, cause, OffsetDateTime.ofInstant(Instant.ofEpochMilli(failedAt), ZoneOffset.UTC));
    }

    /** A dead letter as the queue holds it, before its subject is described by its feature. */
    private record Raw(String id, String kind, String subjectId, String route, String causeType, String cause,
                       OffsetDateTime failedAt) {

        DeadLetter describe(DeadLetterListener.Subject subject) {
            Optional<DeadLetterListener.Subject> known = Optional.ofNullable(subject);
            return new DeadLetter(id, kind, subjectId, known.map(DeadLetterListener.Subject::notificationId).orElse(null),
                    known.map(DeadLetterListener.Subject::recipient).orElse("UNKNOWN"),
                    known.map(DeadLetterListener.Subject::channel).orElse("UNKNOWN"),
                    route, known.map(DeadLetterListener.Subject::attempts).orElse(0), causeType, cause,
                    DeadLetterGroups.maskCause(cause), failedAt);
        }
    }

    private interface Action {
        void apply(Session session, Message message, DeadLetter deadLetter) throws JMSException;
    }
}
