package uk.gov.safeguarding.hub.broker;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Called by the routes' error handler once a message is on the dead-letter queue, to record it in its feature;
 * and the way operations reach the feature that owns a dead letter.
 */
@Component("deadLetterRecorder")
public class DeadLetterRecorder {

    private final Map<String, DeadLetterListener> listeners;

    DeadLetterRecorder(List<DeadLetterListener> listeners) {
        this.listeners = listeners.stream().collect(Collectors.toUnmodifiableMap(DeadLetterListener::kind, Function.identity()));
    }

    public void record(String kind, String id, String cause) {
        listenerFor(kind).deadLettered(id, cause);
    }

    public DeadLetterListener listenerFor(String kind) {
        DeadLetterListener listener = listeners.get(kind);
        if (listener == null) {
            throw new IllegalStateException("No feature owns dead letters of kind " + kind);
        }
        return listener;
    }

    /** The kind of work consumed from {@code queue}, for messages the broker dead-lettered by itself. */
    public Optional<String> kindOfQueue(String queue) {
        return listeners.values().stream().filter(l -> l.queue().equals(queue)).map(DeadLetterListener::kind).findFirst();
    }
}
