package uk.gov.safeguarding.hub.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;

/**
 * Token buckets (Bucket4j), one per key: an API client or a client address. Only the most recently used keys are
 * kept, so that requests from ever new addresses cannot grow the table without bound; a bucket dropped for lack of
 * use starts full when its key returns, which costs at most one more allowance.
 */
final class RateLimits {

    private final long capacity;
    private final Duration period;
    private final RecentEntries<Bucket> buckets = new RecentEntries<>();

    RateLimits(SecurityProperties.Limit limit) {
        this.capacity = limit.requests();
        this.period = limit.period();
    }

    /** Takes one token; when none is left, how long until one is. */
    Decision take(String key) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                    .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    record Decision(boolean allowed, Duration retryAfter) {

        long retryAfterSeconds() {
            return RateLimits.retryAfterSeconds(retryAfter);
        }
    }

    /** A wait as the whole seconds of a Retry-After header: rounded up, at least one. */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
