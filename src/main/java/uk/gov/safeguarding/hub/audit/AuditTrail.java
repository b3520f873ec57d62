package uk.gov.safeguarding.hub.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.gov.safeguarding.hub.database.MultiRowInsert;
import uk.gov.safeguarding.hub.database.TransactionBound;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The append-only record of every state change (SPEC §7): who did what, when. Never carries child data. Failure
 * causes and operators' reasons are kept apart as a restricted detail, which only operations read (SPEC §9).
 * <p>
 * Entries recorded in a transaction are stored together just before it commits, in the order they were recorded and
 * in a few multi-row INSERTs: an intake records three and every delivery one, and transactions that share a commit
 * ({@code GroupCommit}) share those INSERTs too — on PostgreSQL each INSERT is a round trip and a statement for the
 * server. A transaction rolled back stores none of its entries, as before; outside a transaction an entry is stored
 * at once.
 */
@Repository
public class AuditTrail {

    public static final String HUB = "hub";
    /** Who others see in place of an operator's username. */
    static final String OPERATIONS = "operations";
    private static final MultiRowInsert ENTRIES = MultiRowInsert.into(
            "INSERT INTO audit_event (notification_id, at, event, actor, detail, restricted_detail)", "(?, ?, ?, ?, ?, ?)");
    // PostgreSQL takes at most 65,535 parameters in one statement
    private static final int LARGEST_INSERT = 512;
    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String notificationId, AuditEvent event, String actor, String detail) {
        record(notificationId, event, actor, detail, null);
    }

    /** @param restrictedDetail a failure cause or an operator's reason: for operations' eyes only */
    public void record(String notificationId, AuditEvent event, String actor, String detail, String restrictedDetail) {
        String restricted = event.carriesRestrictedDetail() && restrictedDetail == null ? "" : restrictedDetail;
        List<Object> entry = Arrays.asList(notificationId, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)),
                event.name(), actor, truncate(detail), truncate(restricted));
        EntriesToStore transaction = TransactionBound.current(this, EntriesToStore::new);
        if (transaction == null || transaction.stored) {
            // outside a transaction, or recorded as it completes (by another synchronisation): stored at once
            store(List.of(entry));
        } else {
            transaction.recorded.add(entry);
        }
    }

    private void store(List<List<Object>> entries) {
        ENTRIES.runInFewShapes(jdbc, entries, entry -> entry, LARGEST_INSERT);
    }

    /** A notification's trail as {@code forOperations} or anyone else may read it. */
    public List<Entry> forNotification(String notificationId, boolean forOperations) {
        // read within a transaction that has recorded entries, they are stored first, to be read as before
        EntriesToStore recordedHere = TransactionBound.existing(this);
        if (recordedHere != null) {
            recordedHere.storeRecorded();
        }
        return jdbc.sql("SELECT at, event, actor, detail, restricted_detail FROM audit_event WHERE notification_id = ? ORDER BY id")
                .param(notificationId)
                .query((rs, i) -> entry(rs.getObject("at", OffsetDateTime.class), AuditEvent.valueOf(rs.getString("event")),
                        rs.getString("actor"), rs.getString("detail"), rs.getString("restricted_detail"), forOperations))
                .list();
    }

    static Entry entry(OffsetDateTime at, AuditEvent event, String actor, String detail, String restricted,
                       boolean forOperations) {
        if (forOperations) {
            return new Entry(at, event.name(), actor,
                    restricted == null || restricted.isEmpty() ? detail : detail + ": " + restricted);
        }
        String shownActor = event.doneByOperator() ? OPERATIONS : actor;
        // entries written before V6 hold the cause inside detail; a restricted detail marks the newer ones
        String shownDetail = event.carriesRestrictedDetail() && restricted == null ? event.withheldDetail() : detail;
        return new Entry(at, event.name(), shownActor, shownDetail);
    }

    private static String truncate(String detail) {
        if (detail == null) {
            return null;
        }
        return detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }

    public record Entry(OffsetDateTime at, String event, String actor, String detail) {
    }

    /** The entries one transaction has recorded, stored as it commits; its own while another runs inside it. */
    private final class EntriesToStore extends TransactionBound {

        private final List<List<Object>> recorded = new ArrayList<>();
        private boolean stored;

        EntriesToStore() {
            super(AuditTrail.this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            stored = true;
            storeRecorded();
        }

        void storeRecorded() {
            store(recorded);
            recorded.clear();
        }
    }
}
