package uk.gov.safeguarding.hub.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Shared commits ({@code hub.database.group-commit.*}).
 *
 * @param writers      threads that run the waiting transactions, each batch on one connection; unset: chosen for the
 *                     database (see {@link #writersFor})
 * @param largestBatch the most transactions one commit carries
 */
@ConfigurationProperties("hub.database.group-commit")
record GroupCommitSettings(Integer writers, int largestBatch) {

    GroupCommitSettings {
        if ((writers != null && writers < 1) || largestBatch < 1) {
            throw new IllegalArgumentException("hub.database.group-commit.writers and largest-batch must be at least 1");
        }
    }

    /**
     * The writers for a database, unless set: one for the embedded H2, whose commits write their pages one at a time
     * under one lock, so that a single writer gathers larger batches (intake 181 → 209/s and fan-out 297 → 327/s
     * in the benchmark); three for a database server, where commits wait on its disk and network side by side
     * (fan-out 258 → 326/s on PostgreSQL with three instead of one).
     */
    int writersFor(String databaseProductName) {
        if (writers != null) {
            return writers;
        }
        return "H2".equalsIgnoreCase(databaseProductName) ? 1 : 3;
    }
}
