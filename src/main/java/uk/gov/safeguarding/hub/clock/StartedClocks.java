package uk.gov.safeguarding.hub.clock;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
        if (TransactionSynchronizationManager.getResource(this) instanceof KnownToThisTransaction transaction
                && transaction.keys.contains(key)) {
            return true;
        }
        synchronized (this) {
            return known.get(key) != null;
        }
    }

    /** Remembers a clock started or found: for the current transaction at once, for all once it commits. */
    void remember(String notificationId, ClockType clock) {
        Key key = new Key(notificationId, clock);
        KnownToThisTransaction transaction = knownToThisTransaction();
        if (transaction == null) {
            rememberCommitted(Set.of(key));
        } else {
            transaction.keys.add(key);
        }
    }

    /** The clocks the current transaction started or found; null outside a transaction. */
    private KnownToThisTransaction knownToThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        KnownToThisTransaction transaction = (KnownToThisTransaction) TransactionSynchronizationManager.getResource(this);
        if (transaction == null) {
            transaction = new KnownToThisTransaction();
            TransactionSynchronizationManager.bindResource(this, transaction);
            TransactionSynchronizationManager.registerSynchronization(transaction);
        }
        return transaction;
    }

    private synchronized void rememberCommitted(Set<Key> keys) {
        keys.forEach(key -> known.put(key, Boolean.TRUE));
    }

    /** One transaction's clocks; its own while another runs inside it, and forgotten if it rolls back. */
    private final class KnownToThisTransaction implements TransactionSynchronization {

        private final Set<Key> keys = new HashSet<>();

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(StartedClocks.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(StartedClocks.this, this);
        }

        @Override
        public void afterCommit() {
            rememberCommitted(keys);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(StartedClocks.this);
        }
    }
}
