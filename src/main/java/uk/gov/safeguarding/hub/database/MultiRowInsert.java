package uk.gov.safeguarding.hub.database;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * One INSERT for several rows ({@code VALUES (…), (…)}): a notification's children, recipients, deliveries or a
 * clock's escalation rungs are one round trip to the database instead of one each, and one statement for the server
 * to execute (a JDBC batch still executes each row; for one to five rows it measured no faster than single inserts).
 *
 * @param into  {@code INSERT INTO table (columns)}
 * @param row   one row's placeholders and constants, e.g. {@code (?, ?, 'SCHEDULED')}
 * @param tail  what follows the rows, e.g. {@code ON CONFLICT DO NOTHING}, or empty
 */
public record MultiRowInsert(String into, String row, String tail) {

    public static MultiRowInsert into(String into, String row) {
        return new MultiRowInsert(into, row, "");
    }

    public MultiRowInsert onConflictDoNothing() {
        return new MultiRowInsert(into, row, " ON CONFLICT DO NOTHING");
    }

    /** Inserts {@code rows} (nothing when there are none), each row's parameters from {@code values}. */
    public <T> void run(JdbcClient jdbc, List<T> rows, Function<T, List<?>> values) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>();
        for (T each : rows) {
            params.addAll(values.apply(each));
        }
        jdbc.sql(into + " VALUES " + String.join(", ", Collections.nCopies(rows.size(), row)) + tail)
                .params(params)
                .update();
    }

    /**
     * As {@link #run}, for rows whose number varies widely (the audit entries of transactions that share a commit):
     * in INSERTs of a power of two rows, at most {@code largest}, largest first. Each number of rows is a statement
     * of its own for the database to parse and keep: any number of rows is then one of a few statements (13 rows are
     * three, of 8, 4 and 1), which the database's statement cache holds beside the hub's others.
     */
    public <T> void runInFewShapes(JdbcClient jdbc, List<T> rows, Function<T, List<?>> values, int largest) {
        if (Integer.bitCount(largest) != 1) {
            throw new IllegalArgumentException("The largest INSERT must be a power of two rows, not " + largest);
        }
        for (int from = 0; from < rows.size(); ) {
            int size = Math.min(largest, Integer.highestOneBit(rows.size() - from));
            run(jdbc, rows.subList(from, from + size), values);
            from += size;
        }
    }
}
