package uk.gov.safeguarding.hub.broker;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Called by the routes' error handler once a message is on the dead-letter queue, to record it in its feature. */
@Component("deadLetterRecorder")
public class DeadLetterRecorder {

    private final Map<String, DeadLetterListener> listeners;

    DeadLetterRecorder(List<DeadLetterListener> listeners) {
        this.listeners = listeners.stream().collect(Collectors.toUnmodifiableMap(DeadLetterListener::kind, Function.identity()));
    }

    public void record(String kind, String id, String cause) {
        DeadLetterListener listener = listeners.get(kind);
        if (listener == null) {
            throw new IllegalStateException("No feature records dead letters of kind " + kind);
        }
        listener.deadLettered(id, cause);
    }
}
