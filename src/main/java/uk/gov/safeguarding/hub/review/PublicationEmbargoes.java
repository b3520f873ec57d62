package uk.gov.safeguarding.hub.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The embargoes on an LCSPR's publication: at most one open (not lifted) at a time. */
@Repository
class PublicationEmbargoes {

    private static final String COLUMNS = "since, reason, detail, lifted_on";
    private final JdbcClient jdbc;

    PublicationEmbargoes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Embargo> open(String notificationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM publication_embargo WHERE notification_id = ? AND lifted_on IS NULL")
                .param(notificationId).query(PublicationEmbargoes::map).optional();
    }

    List<Embargo> all(String notificationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM publication_embargo WHERE notification_id = ? ORDER BY since")
                .param(notificationId).query(PublicationEmbargoes::map).list();
    }

    void open(String notificationId, LocalDate since, EmbargoReason reason, String detail, String actor) {
        jdbc.sql("""
                        INSERT INTO publication_embargo (notification_id, since, reason, detail, recorded_by)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(notificationId, since, reason.name(), detail, actor).update();
    }

    boolean lift(String notificationId, LocalDate liftedOn) {
        return jdbc.sql("UPDATE publication_embargo SET lifted_on = ? WHERE notification_id = ? AND lifted_on IS NULL")
                .params(liftedOn, notificationId).update() == 1;
    }

    private static Embargo map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Embargo(rs.getObject("since", LocalDate.class), EmbargoReason.valueOf(rs.getString("reason")),
                rs.getString("detail"), rs.getObject("lifted_on", LocalDate.class));
    }

    /** @param liftedOn null while the embargo holds */
    record Embargo(LocalDate since, EmbargoReason reason, String detail, LocalDate liftedOn) {
    }
}
