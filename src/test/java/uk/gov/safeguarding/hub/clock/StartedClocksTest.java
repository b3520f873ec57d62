package uk.gov.safeguarding.hub.clock;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class StartedClocksTest {

    private final TransactionTemplate transaction = new TransactionTemplate(
            new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:h2:mem:started-clocks")));

    @Test
    void aClockIsKnownToItsOwnTransactionAtOnceAndToOthersOnceItHasCommitted() {
        StartedClocks started = new StartedClocks(10);
        transaction.executeWithoutResult(tx -> {
            started.remember("n-1", ClockType.RAPID_REVIEW);
            assertThat(started.isKnown("n-1", ClockType.RAPID_REVIEW)).isTrue();
            assertThat(knownInAnotherTransaction(started, "n-1")).isFalse();
            TransactionTemplate inner = new TransactionTemplate(transaction.getTransactionManager());
            inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            inner.executeWithoutResult(itself -> assertThat(started.isKnown("n-1", ClockType.RAPID_REVIEW)).isFalse());
            assertThat(started.isKnown("n-1", ClockType.RAPID_REVIEW)).isTrue();
        });
        assertThat(started.isKnown("n-1", ClockType.RAPID_REVIEW)).isTrue();
        assertThat(knownInAnotherTransaction(started, "n-1")).isTrue();
        assertThat(started.isKnown("n-1", ClockType.NOTIFICATION)).isFalse();
        assertThat(started.isKnown("n-2", ClockType.RAPID_REVIEW)).isFalse();
    }

    @Test
    void aClockOfARolledBackTransactionIsNotKnown() {
        StartedClocks started = new StartedClocks(10);
        transaction.executeWithoutResult(tx -> {
            started.remember("n-1", ClockType.RAPID_REVIEW);
            tx.setRollbackOnly();
        });
        assertThat(started.isKnown("n-1", ClockType.RAPID_REVIEW)).isFalse();
    }

    @Test
    void outsideATransactionAClockIsKnownAtOnce() {
        StartedClocks started = new StartedClocks(10);
        started.remember("n-1", ClockType.RAPID_REVIEW);
        assertThat(started.isKnown("n-1", ClockType.RAPID_REVIEW)).isTrue();
    }

    private boolean knownInAnotherTransaction(StartedClocks started, String notificationId) {
        CompletableFuture<Boolean> known = CompletableFuture.supplyAsync(() -> new TransactionTemplate(
                transaction.getTransactionManager()).execute(tx -> started.isKnown(notificationId, ClockType.RAPID_REVIEW)));
        return known.join();
    }

    @Test
    void theLeastRecentlyAskedAboutIsForgottenFirst() {
        StartedClocks started = new StartedClocks(2);
        started.remember("n-1", ClockType.RAPID_REVIEW);
        started.remember("n-2", ClockType.RAPID_REVIEW);
        assertThat(started.isKnown("n-1", ClockType.RAPID_REVIEW)).isTrue();
        started.remember("n-3", ClockType.RAPID_REVIEW);
        assertThat(started.isKnown("n-2", ClockType.RAPID_REVIEW)).isFalse();
        assertThat(started.isKnown("n-1", ClockType.RAPID_REVIEW)).isTrue();
        assertThat(started.isKnown("n-3", ClockType.RAPID_REVIEW)).isTrue();
    }
}
