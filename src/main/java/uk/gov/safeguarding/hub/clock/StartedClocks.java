package uk.gov.safeguarding.hub.clock;

import uk.gov.safeguarding.hub.database.TransactionBound;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Clocks known to have started, so that a notification's deliveries after its first do not each look up again the
 * RAPID_REVIEW clock the first one started (a round trip in the shared commit of every delivery). A clock started or
 * found by a transaction is known to that transaction at once — deliveries sharing a commit then start it once — and
 * to every other only once that transaction has committed. A clock never stops existing once started; the set is
 * bounded, the least recently asked about forgotten first, and forgetting costs one look-up.
 */
final class StartedClocks {

    private record Key(String notificationId, ClockType clock) {
    }

    private final Map<Key, Boolean> known;

    StartedClocks(int largest) {
        this.known = new LinkedHashMap<>(largest * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
                return size() > largest;
            }
        };
    }

    boolean isKnown(String notificationId, ClockType clock) {
        Key key = new Key(notificationId, clock);
        KnownToThisTransaction transaction = TransactionBound.existing(this);
        if (transaction != null && transaction.keys.contains(key)) {
            return true;
        }
        synchronized (this) {
            return known.get(key) != null;
        }
    }

    /** Remembers a clock started or found: for the current transaction at once, for all once it commits. */
    void remember(String notificationId, ClockType clock) {
        Key key = new Key(notificationId, clock);
        KnownToThisTransaction transaction = TransactionBound.current(this, KnownToThisTransaction::new);
        if (transaction == null) {
            rememberCommitted(Set.of(key));
        } else {
            transaction.keys.add(key);
        }
    }

    private synchronized void rememberCommitted(Set<Key> keys) {
        keys.forEach(key -> known.put(key, Boolean.TRUE));
    }

    /** One transaction's clocks; its own while another runs inside it, and forgotten if it rolls back. */
    private final class KnownToThisTransaction extends TransactionBound {

        private final Set<Key> keys = new HashSet<>();

        KnownToThisTransaction() {
            super(StartedClocks.this);
        }

        @Override
        public void afterCommit() {
            rememberCommitted(keys);
        }
    }
}
