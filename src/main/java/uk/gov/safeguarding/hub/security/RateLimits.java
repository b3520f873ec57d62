package uk.gov.safeguarding.hub.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (Bucket4j), one per key: an API client, or a console username. Both are few and configured
 * (unknown usernames share one key), so the map stays small.
 */
final class RateLimits {

    private final long capacity;
    private final Duration period;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(long capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
    }

    /** Takes one token; when none is left, how long until one is. */
    Decision take(String key) {
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                        .build())
                .tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    record Decision(boolean allowed, Duration retryAfter) {

        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
