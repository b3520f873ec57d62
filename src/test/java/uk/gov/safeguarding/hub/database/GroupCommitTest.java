package uk.gov.safeguarding.hub.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Transactions waiting together share a commit; each still commits or fails as if alone. A real H2 database. */
class GroupCommitTest {

    private static final int CALLERS = 9;
    private final DriverManagerDataSource dataSource =
            new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private final DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS + 1);
    private final Set<Object> transactionsSeen = ConcurrentHashMap.newKeySet();
    private GroupCommit commits;

    @BeforeEach
    void start() {
        jdbc.execute("CREATE TABLE entry (name VARCHAR(20) PRIMARY KEY)");
        commits = new GroupCommit(transactions, new DatabaseProduct(dataSource), new GroupCommitSettings(1, 64));
        commits.start();
    }

    @AfterEach
    void stop() {
        commits.stop();
        callers.shutdownNow();
        jdbc.execute("SHUTDOWN");
    }

    @Test
    void transactionsWaitingTogetherShareOneCommitAndEachSeesItsWorkCommittedWhenItReturns() throws Exception {
        BusyWriter first = keepTheWriterBusy();
        List<Thread> waiting = new ArrayList<>();
        List<Future<Integer>> others = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            String name = "other-" + i;
            others.add(callers.submit(() -> {
                synchronized (waiting) {
                    waiting.add(Thread.currentThread());
                }
                commits.execute(tx -> insert(name));
                return count(name);
            }));
        }
        awaitAllParked(waiting, CALLERS);
        first.release().countDown();

        assertThat(first.work().get(10, TimeUnit.SECONDS)).isEqualTo("first");
        for (Future<Integer> other : others) {
            assertThat(other.get(10, TimeUnit.SECONDS)).as("committed and visible to others when execute returns").isEqualTo(1);
        }
        assertThat(transactionsSeen).as("the first alone, the nine that waited in one transaction").hasSize(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM entry", Integer.class)).isEqualTo(CALLERS + 1);
    }

    @Test
    void workThatSkipsLockedRowsRunsAfterTheOtherTransactionsOfItsBatch() throws Exception {
        BusyWriter first = keepTheWriterBusy();
        List<String> ranInOrder = Collections.synchronizedList(new ArrayList<>());
        List<Thread> waiting = new ArrayList<>();
        List<Future<?>> batch = new ArrayList<>();
        for (String name : List.of("at-end", "other-1", "other-2")) {
            batch.add(callers.submit(() -> {
                synchronized (waiting) {
                    waiting.add(Thread.currentThread());
                }
                return name.equals("at-end")
                        ? commits.executeAtEndOfBatch(tx -> ranInOrder.add(name))
                        : commits.execute(tx -> ranInOrder.add(name));
            }));
            awaitAllParked(waiting, batch.size());
        }
        first.release().countDown();

        first.work().get(10, TimeUnit.SECONDS);
        for (Future<?> each : batch) {
            each.get(10, TimeUnit.SECONDS);
        }
        assertThat(ranInOrder).as("queued first, run last").containsExactly("other-1", "other-2", "at-end");
    }

    @Test
    void oneThatFailsOrAsksToBeUndoneLeavesNothingWhileTheOthersCommitAndItsCallerGetsItsOutcome() throws Exception {
        BusyWriter first = keepTheWriterBusy();
        List<Thread> waiting = new ArrayList<>();
        IllegalStateException refusal = new IllegalStateException("refused");
        List<Future<?>> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = "other-" + i;
            boolean fails = i == 1;
            boolean undone = i == 3;
            others.add(callers.submit(() -> {
                synchronized (waiting) {
                    waiting.add(Thread.currentThread());
                }
                return commits.execute(tx -> {
                    insert(name);
                    if (fails) {
                        throw refusal;
                    }
                    if (undone) {
                        tx.setRollbackOnly();
                    }
                    return name;
                });
            }));
        }
        awaitAllParked(waiting, 4);
        first.release().countDown();

        first.work().get(10, TimeUnit.SECONDS);
        others.get(0).get(10, TimeUnit.SECONDS);
        others.get(2).get(10, TimeUnit.SECONDS);
        assertThat(others.get(3).get(10, TimeUnit.SECONDS)).isEqualTo("other-3");
        assertThatThrownBy(() -> others.get(1).get(10, TimeUnit.SECONDS)).hasCause(refusal);
        assertThat(jdbc.queryForList("SELECT name FROM entry ORDER BY name", String.class))
                .containsExactly("first", "other-0", "other-2");
    }

    @Test
    void aCallerAlreadyInATransactionRunsItsWorkThereAndAfterStoppingWorkRunsAlone() {
        new TransactionTemplate(transactions).executeWithoutResult(outer -> {
            Thread caller = Thread.currentThread();
            commits.execute(tx -> {
                assertThat(Thread.currentThread()).isSameAs(caller);
                return insert("inside");
            });
        });
        commits.stop();
        assertThat(commits.<Integer>execute(tx -> insert("after"))).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT name FROM entry ORDER BY name", String.class)).containsExactly("after", "inside");
    }

    /** A first caller's transaction, holding the writer until released, so that the next callers wait together. */
    private record BusyWriter(Future<String> work, CountDownLatch release) {
    }

    private BusyWriter keepTheWriterBusy() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> work = callers.submit(() -> commits.execute(tx -> {
            insert("first");
            running.countDown();
            await(release);
            return "first";
        }));
        running.await();
        return new BusyWriter(work, release);
    }

    private int insert(String name) {
        transactionsSeen.add(TransactionSynchronizationManager.getResource(dataSource));
        return jdbc.update("INSERT INTO entry (name) VALUES (?)", name);
    }

    private int count(String name) {
        return jdbc.queryForObject("SELECT count(*) FROM entry WHERE name = ?", Integer.class, name);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every caller has queued its work and waits for its outcome. */
    private static void awaitAllParked(List<Thread> threads, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            synchronized (threads) {
                if (threads.size() == expected && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the callers never all waited");
    }
}
