package uk.gov.safeguarding.hub.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Shared commits ({@code hub.database.group-commit.*}).
 *
 * @param writers     threads that run the waiting transactions, each batch on one connection
 * @param largestBatch the most transactions one commit carries
 */
@ConfigurationProperties("hub.database.group-commit")
record GroupCommitSettings(int writers, int largestBatch) {

    GroupCommitSettings {
        if (writers < 1 || largestBatch < 1) {
            throw new IllegalArgumentException("hub.database.group-commit.writers and largest-batch must be at least 1");
        }
    }
}
