package uk.gov.safeguarding.hub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Slows password guessing at sign-in, per client address and username: a few failures are free, then each failure
 * makes that address wait longer before it may try that name again (doubling, up to a ceiling). A correct password
 * is never counted, and a sign-in forgets the address's failures. Because the wait belongs to the address, someone
 * guessing from elsewhere cannot keep a person out. Names that are no user share one entry per address, and the
 * table keeps only the most recently seen entries, so its memory stays bounded.
 */
final class SignInThrottle {

    static final String NOT_A_USER = "(not a user)";
    private final Settings settings;
    private final Set<String> users;
    private final Clock clock;
    private final RecentEntries<Failures> failures = new RecentEntries<>();

    SignInThrottle(Settings settings, Collection<String> users, Clock clock) {
        this.settings = settings;
        this.users = users.stream().map(SignInThrottle::normalised).collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
    }

    /** How long this address must still wait before trying this name again, if at all. */
    synchronized Optional<Duration> waitFor(String address, String username) {
        Failures recorded = failures.get(key(address, username));
        Instant now = clock.instant();
        return recorded == null || !now.isBefore(recorded.notBefore())
                ? Optional.empty() : Optional.of(Duration.between(now, recorded.notBefore()));
    }

    /** Records a wrong password; returns how long this address must now wait before trying this name again. */
    synchronized Duration failed(String address, String username) {
        String key = key(address, username);
        Failures recorded = failures.get(key);
        int count = recorded == null ? 1 : recorded.count() + 1;
        Duration wait = settings.waitAfter(count);
        failures.put(key, new Failures(count, clock.instant().plus(wait)));
        return wait;
    }

    synchronized void succeeded(String address, String username) {
        failures.remove(key(address, username));
    }

    private String key(String address, String username) {
        String name = normalised(username);
        return address + "\n" + (users.contains(name) ? name : NOT_A_USER);
    }

    static String normalised(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant notBefore) {
    }

    /**
     * @param freeFailures failures from one address for one name before any wait
     * @param firstWait    the wait after the first failure past those, doubled with each further failure
     * @param longestWait  the ceiling of the wait
     */
    record Settings(int freeFailures, Duration firstWait, Duration longestWait) {

        Duration waitAfter(int failureCount) {
            int beyondFree = failureCount - freeFailures;
            if (beyondFree <= 0) {
                return Duration.ZERO;
            }
            Duration wait = firstWait.multipliedBy(1L << Math.min(beyondFree - 1, 30));
            return wait.compareTo(longestWait) > 0 ? longestWait : wait;
        }
    }
}
