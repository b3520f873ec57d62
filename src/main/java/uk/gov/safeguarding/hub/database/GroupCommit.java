package uk.gov.safeguarding.hub.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs short transactions from many threads so that those waiting at the same moment share one commit. A commit is
 * the dear part of a small transaction (a durable write of every page it changed on the embedded database, a flush
 * to disk on PostgreSQL), so deliveries made and notifications accepted together are committed together.
 * <p>
 * The transactions waiting together run one after another on a writer thread in one database transaction. Should
 * one of them fail, or the shared commit, nothing of the batch is stored and each is run again alone, so that none
 * fails for another and each caller gets its own outcome. (Failures are rare here: a savepoint for each instead
 * would cost two more round trips to the database per transaction.) The caller returns only once its work is
 * committed (or has failed), exactly as with a transaction of its own, so "answered only after the commit" holds.
 * A caller already in a transaction, or arriving while the hub stops, runs its work at once in a transaction of its
 * own. Run alone, a transaction that loses a deadlock (rolled back by the database) is run again, up to three times.
 */
@Component
public class GroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final int ATTEMPTS_AFTER_LOCK_FAILURES = 3;
    private final BlockingQueue<Work<?>> waiting = new LinkedBlockingQueue<>();
    private final TransactionTemplate transaction;
    private final DatabaseProduct database;
    private final GroupCommitSettings settings;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    GroupCommit(PlatformTransactionManager transactions, DatabaseProduct database, GroupCommitSettings settings) {
        this.transaction = new TransactionTemplate(transactions);
        this.database = database;
        this.settings = settings;
    }

    /** Runs the work in a transaction, committed with others waiting at the same time; its result or its exception. */
    public <T> T execute(TransactionCallback<T> work) {
        return enqueue(work, false);
    }

    /**
     * As {@link #execute}, for work whose only locks are ones it skips when another transaction holds them
     * ({@code FOR UPDATE SKIP LOCKED}): it runs after the other transactions of its batch, so that a batch holding the
     * rows it locked waits for nothing more before it commits. Run among them, it could hold a row another writer's
     * batch waits for while its own batch waits on that one: a deadlock PostgreSQL breaks only after a second.
     */
    public <T> T executeAtEndOfBatch(TransactionCallback<T> work) {
        return enqueue(work, true);
    }

    private <T> T enqueue(TransactionCallback<T> work, boolean atEndOfBatch) {
        if (!running || TransactionSynchronizationManager.isActualTransactionActive()) {
            return runAlone(work);
        }
        Work<T> queued = new Work<>(work, atEndOfBatch);
        waiting.add(queued);
        if (!running && waiting.remove(queued)) {
            // the hub began stopping meanwhile and no writer took it: the writers may be gone
            return runAlone(work);
        }
        return queued.outcome();
    }

    private <T> T runAlone(TransactionCallback<T> work) {
        Work<T> alone = new Work<>(work, false);
        alone.runAlone(transaction);
        return alone.outcome();
    }

    private void writeUntilStopped() {
        List<Work<?>> batch = new ArrayList<>(settings.largestBatch());
        while (running || !waiting.isEmpty()) {
            try {
                Work<?> first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, settings.largestBatch() - 1);
                commitTogether(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commitTogether(List<Work<?>> batch) {
        if (batch.size() == 1) {
            batch.get(0).runAlone(transaction);
            return;
        }
        batch.sort(Comparator.comparing(work -> work.atEndOfBatch));
        try {
            transaction.executeWithoutResult(tx -> {
                batch.forEach(work -> work.runShared(tx));
                if (tx.isRollbackOnly()) {
                    // one of them asked for its work to be undone: the batch is not committed but run again alone
                    throw new IllegalStateException("a transaction of the batch was marked rollback-only");
                }
            });
        } catch (RuntimeException | Error failed) {
            log.debug("A shared commit of {} transactions failed ({}); each runs again alone", batch.size(), failed.toString());
            batch.forEach(work -> work.runAlone(transaction));
            return;
        }
        batch.forEach(Work::finish);
    }

    @Override
    public void start() {
        running = true;
        int count = settings.writersFor(database.name());
        log.info("Shared commits: {} writer thread(s) for {}", count, database.name().isEmpty() ? "an unknown database" : database.name());
        for (int i = 1; i <= count; i++) {
            Thread writer = new Thread(this::writeUntilStopped, "group-commit-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /** Stops taking work after every other part of the hub has stopped; what is waiting is committed first. */
    @Override
    public void stop() {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writers.clear();
        // what a writer did not finish in time is not left waiting for ever
        for (Work<?> left = waiting.poll(); left != null; left = waiting.poll()) {
            left.runAlone(transaction);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    /** One caller's transaction: its outcome is handed back once the commit it shares is known. */
    private static final class Work<T> {

        private final TransactionCallback<T> callback;
        private final boolean atEndOfBatch;
        private final CountDownLatch done = new CountDownLatch(1);
        private T result;
        private Throwable failure;

        Work(TransactionCallback<T> callback, boolean atEndOfBatch) {
            this.callback = callback;
            this.atEndOfBatch = atEndOfBatch;
        }

        /** Within the shared transaction: a failure rolls the whole batch back, to be run again alone. */
        void runShared(TransactionStatus shared) {
            result = callback.doInTransaction(shared);
        }

        void runAlone(TransactionTemplate alone) {
            for (int attempt = 1; ; attempt++) {
                failure = null;
                try {
                    result = alone.execute(callback);
                } catch (PessimisticLockingFailureException e) {
                    // a deadlock with another writer's batch (both wanted rows the other held): rolled back, so safe
                    // to run again
                    failure = e;
                    if (attempt < ATTEMPTS_AFTER_LOCK_FAILURES) {
                        continue;
                    }
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                break;
            }
            finish();
        }

        void finish() {
            done.countDown();
        }

        T outcome() {
            boolean interrupted = false;
            // the outcome is waited for even when interrupted: returning early would let the caller acknowledge or
            // answer what may not be committed
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return result;
        }
    }
}
