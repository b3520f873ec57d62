package uk.gov.safeguarding.hub.clock;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class StartedClocksTest {

    private final TransactionTemplate transaction = new TransactionTemplate(
            new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:h2:mem:started-clocks")));

    @Test
    void aClockIsKnownOnlyOnceItsTransactionHasCommitted() {
        StartedClocks started = new StartedClocks(10);
        transaction.executeWithoutResult(tx -> {
            started.rememberOnceCommitted("n-1", ClockType.RAPID_REVIEW);
            assertThat(started.isKnown("n-1", ClockType.RAPID_REVIEW)).isFalse();
        });
        assertThat(started.isKnown("n-1", ClockType.RAPID_REVIEW)).isTrue();
        assertThat(started.isKnown("n-1", ClockType.NOTIFICATION)).isFalse();
        assertThat(started.isKnown("n-2", ClockType.RAPID_REVIEW)).isFalse();
    }

    @Test
    void aClockOfARolledBackTransactionIsNotKnown() {
        StartedClocks started = new StartedClocks(10);
        transaction.executeWithoutResult(tx -> {
            started.rememberOnceCommitted("n-1", ClockType.RAPID_REVIEW);
            tx.setRollbackOnly();
        });
        assertThat(started.isKnown("n-1", ClockType.RAPID_REVIEW)).isFalse();
    }

    @Test
    void outsideATransactionAClockIsKnownAtOnce() {
        StartedClocks started = new StartedClocks(10);
        started.rememberOnceCommitted("n-1", ClockType.RAPID_REVIEW);
        assertThat(started.isKnown("n-1", ClockType.RAPID_REVIEW)).isTrue();
    }

    @Test
    void theLeastRecentlyAskedAboutIsForgottenFirst() {
        StartedClocks started = new StartedClocks(2);
        started.rememberOnceCommitted("n-1", ClockType.RAPID_REVIEW);
        started.rememberOnceCommitted("n-2", ClockType.RAPID_REVIEW);
        assertThat(started.isKnown("n-1", ClockType.RAPID_REVIEW)).isTrue();
        started.rememberOnceCommitted("n-3", ClockType.RAPID_REVIEW);
        assertThat(started.isKnown("n-2", ClockType.RAPID_REVIEW)).isFalse();
        assertThat(started.isKnown("n-1", ClockType.RAPID_REVIEW)).isTrue();
        assertThat(started.isKnown("n-3", ClockType.RAPID_REVIEW)).isTrue();
    }
}
