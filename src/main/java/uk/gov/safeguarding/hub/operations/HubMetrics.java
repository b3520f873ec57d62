package uk.gov.safeguarding.hub.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import uk.gov.safeguarding.hub.delivery.DeliveryRepository;
import org.springframework.stereotype.Component;
import uk.gov.safeguarding.hub.deadletter.DeadLetterQueue;
import uk.gov.safeguarding.hub.delivery.DeliveryState;
import uk.gov.safeguarding.hub.routing.Recipient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Gauges read from the database and the broker for Prometheus: deliveries by state and recipient, and the depth
 * of the dead-letter queue. Each is read at most every {@link #REFRESH} however often it is scraped. The event
 * counters (retries, escalations, breaches) are kept where those events happen.
 */
@Component
class HubMetrics implements MeterBinder {

    static final Duration REFRESH = Duration.ofSeconds(10);

    private final Cached<Map<String, Long>> deliveries;
    private final Cached<Integer> deadLetters;

    HubMetrics(DeliveryRepository deliveryRepository, DeadLetterQueue deadLetterQueue, Clock clock) {
        this.deliveries = new Cached<>(clock, deliveryRepository::countsByRecipientAndState);
        this.deadLetters = new Cached<>(clock, deadLetterQueue::count);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Recipient recipient : Recipient.values()) {
            for (DeliveryState state : DeliveryState.values()) {
                Gauge.builder("hub.deliveries", () -> deliveries.get().getOrDefault(recipient + "/" + state, 0L))
                        .description("Deliveries by recipient and state")
                        .tag("recipient", recipient.name()).tag("state", state.name())
                        .register(registry);
            }
        }
        Gauge.builder("hub.dead.letters", () -> deadLetters.get())
                .description("Messages on the dead-letter queue")
                .register(registry);
    }

    /** A value recomputed when older than {@link #REFRESH}. */
    private static final class Cached<T> {
        private final Clock clock;
        private final Supplier<T> source;
        private final AtomicReference<Instant> readAt = new AtomicReference<>(Instant.MIN);
        private volatile T value;

        Cached(Clock clock, Supplier<T> source) {
            this.clock = clock;
            this.source = source;
        }

        T get() {
            Instant now = clock.instant();
            Instant last = readAt.get();
            if (value == null || last.plus(REFRESH).isBefore(now)) {
                if (readAt.compareAndSet(last, now) || value == null) {
                    value = source.get();
                }
            }
            return value;
        }
    }
}
