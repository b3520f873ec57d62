package uk.gov.safeguarding.hub.audit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.safeguarding.hub.support.Migrations;
import uk.gov.safeguarding.hub.support.PreparedStatements;

import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entries recorded in a transaction are stored as it commits, in few INSERTs and in the order recorded, on both
 * databases after the hub's own migrations; a rolled-back transaction stores none, and outside a transaction an
 * entry is stored at once.
 */
class AuditTrailTest {

    static Stream<Arguments> databases() {
        return Migrations.onBothDatabases("audit_trail");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTransactionsEntriesAreStoredInOneInsertAsItCommitsInTheOrderRecorded(String vendor, String url, String user,
                                                                              String password) {
        Trail trail = trail(vendor, url, user, password);

        trail.transaction().executeWithoutResult(tx -> {
            trail.audit().record("n-1", AuditEvent.RECEIVED, "local-trust", "first");
            trail.audit().record("n-1", AuditEvent.ROUTED, AuditTrail.HUB, "second");
            trail.audit().record("n-2", AuditEvent.SENT, AuditTrail.HUB, "third");
            trail.audit().record("n-2", AuditEvent.CLOCK_STARTED, AuditTrail.HUB, "fourth");
            assertThat(trail.storedDetails()).as("nothing is stored before the commit").isEmpty();
        });

        assertThat(trail.storedDetails()).containsExactly("first", "second", "third", "fourth");
        assertThat(trail.inserts()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTransactionRolledBackStoresNoneOfItsEntries(String vendor, String url, String user, String password) {
        Trail trail = trail(vendor, url, user, password);

        trail.transaction().executeWithoutResult(tx -> {
            trail.audit().record("n-1", AuditEvent.RECEIVED, "local-trust", "undone");
            tx.setRollbackOnly();
        });

        assertThat(trail.storedDetails()).isEmpty();
        assertThat(trail.inserts()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void outsideATransactionEachEntryIsStoredAtOnce(String vendor, String url, String user, String password) {
        Trail trail = trail(vendor, url, user, password);

        trail.audit().record("n-1", AuditEvent.RECEIVED, "local-trust", "first");
        assertThat(trail.storedDetails()).containsExactly("first");
        trail.audit().record("n-1", AuditEvent.ROUTED, AuditTrail.HUB, "second");

        assertThat(trail.storedDetails()).containsExactly("first", "second");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTransactionRunInsideAnotherStoresItsOwnEntriesWhenItCommits(String vendor, String url, String user,
                                                                     String password) {
        Trail trail = trail(vendor, url, user, password);
        TransactionTemplate ownTransaction = new TransactionTemplate(trail.transaction().getTransactionManager());
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        trail.transaction().executeWithoutResult(outer -> {
            trail.audit().record("n-1", AuditEvent.RECEIVED, "local-trust", "outer, undone");
            ownTransaction.executeWithoutResult(inner ->
                    trail.audit().record("n-1", AuditEvent.ROUTED, AuditTrail.HUB, "inner, committed"));
            assertThat(trail.storedDetails()).containsExactly("inner, committed");
            trail.audit().record("n-1", AuditEvent.SENT, AuditTrail.HUB, "outer again, undone");
            outer.setRollbackOnly();
        });

        assertThat(trail.storedDetails()).containsExactly("inner, committed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTrailReadInTheTransactionThatRecordedItShowsItsEntries(String vendor, String url, String user, String password) {
        Trail trail = trail(vendor, url, user, password);

        List<AuditTrail.Entry> read = trail.transaction().execute(tx -> {
            trail.audit().record("n-1", AuditEvent.RECEIVED, "local-trust", "first");
            List<AuditTrail.Entry> entries = trail.audit().forNotification("n-1", false);
            trail.audit().record("n-1", AuditEvent.ROUTED, AuditTrail.HUB, "second");
            return entries;
        });

        assertThat(read).extracting(AuditTrail.Entry::detail).containsExactly("first");
        assertThat(trail.storedDetails()).containsExactly("first", "second");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void manyEntriesAreStoredInInsertsTheDatabaseAccepts(String vendor, String url, String user, String password) {
        Trail trail = trail(vendor, url, user, password);
        List<String> details = IntStream.range(0, 2_500).mapToObj(i -> "entry " + i).toList();

        trail.transaction().executeWithoutResult(tx ->
                details.forEach(detail -> trail.audit().record("n-1", AuditEvent.SENT, AuditTrail.HUB, detail)));

        assertThat(trail.storedDetails()).containsExactlyElementsOf(details);
        // 4 x 512 + 256 + 128 + 64 + 4
        assertThat(trail.inserts()).isEqualTo(8);
    }

    private static Trail trail(String vendor, String url, String user, String password) {
        Migrations.of(vendor, url, user, password).load().migrate();
        PreparedStatements statements = new PreparedStatements(new DriverManagerDataSource(url, user, password));
        JdbcClient jdbc = JdbcClient.create(statements);
        return new Trail(new AuditTrail(jdbc, Clock.systemUTC()), jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(statements)), statements);
    }

    private record Trail(AuditTrail audit, JdbcClient jdbc, TransactionTemplate transaction, PreparedStatements statements) {

        int inserts() {
            return statements.startingWith("INSERT INTO audit_event").size();
        }

        /** The details of the entries stored (as the current transaction, if any, reads them), in the order of their ids. */
        List<String> storedDetails() {
            return jdbc.sql("SELECT detail FROM audit_event ORDER BY id").query(String.class).list();
        }
    }
}
