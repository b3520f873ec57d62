package uk.gov.safeguarding.hub.clock;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Clocks known to have started, so that a notification's deliveries after its first do not each look up again the
 * RAPID_REVIEW clock the first one started (a round trip in the shared commit of every delivery). A clock is
 * remembered only once the transaction that started or found it has committed, and never stops existing once
 * started; the set is bounded, the least recently asked about forgotten first, and forgetting costs one look-up.
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

    synchronized boolean isKnown(String notificationId, ClockType clock) {
        return known.get(new Key(notificationId, clock)) != null;
    }

    /** Remembers the clock once the current transaction commits, at once when there is none. */
    void rememberOnceCommitted(String notificationId, ClockType clock) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            remember(notificationId, clock);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remember(notificationId, clock);
            }
        });
    }

    private synchronized void remember(String notificationId, ClockType clock) {
        known.put(new Key(notificationId, clock), Boolean.TRUE);
    }
}
