package uk.gov.safeguarding.hub.casefile;

import uk.gov.safeguarding.hub.security.HubClient;

import java.util.Collection;
import java.util.Map;

/**
 * What a caller may read, as a condition on {@code notification n} (SPEC §9): a Trust's or partnership's
 * authorities, an agency's notifications (those sent to it), or everything for operations. The same condition for
 * every read across notifications, so that no list can drift from another.
 *
 * @param localAuthorities the authorities in scope, or null for all
 * @param recipient        the national recipient whose notifications are in scope, or null for any
 */
record ReadScope(Collection<String> localAuthorities, String recipient) {

    static ReadScope of(HubClient client) {
        return new ReadScope(client.isOperations() || client.isAgency() ? null : client.authorities(),
                client.isAgency() ? client.scope().iterator().next() : null);
    }

    /** A scope that can hold nothing (a Trust or partnership without authorities). */
    boolean empty() {
        return localAuthorities != null && localAuthorities.isEmpty();
    }

    /** Appends the condition to a WHERE clause, and its parameters. */
    void appendTo(StringBuilder sql, Map<String, Object> params) {
        if (localAuthorities != null) {
            sql.append(" AND n.local_authority IN (:authorities)");
            params.put("authorities", localAuthorities);
        }
        if (recipient != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM notification_recipient r WHERE r.notification_id = n.id AND r.recipient = :recipient)");
            params.put("recipient", recipient);
        }
    }
}
