package com.outcomedesk.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The monitor's alerts: raised once per rule, period and subject; acknowledged with who and when. */
public final class AlertRepository {
    private final Database database;

    public AlertRepository(Database database) {
        this.database = database;
    }

    /** A stored alert; {@code acknowledgedBy} and {@code acknowledgedAt} are null while it is open. */
    public record StoredAlert(UUID id, String rule, String period, String subject, String message, OffsetDateTime raisedAt,
                              String acknowledgedBy, OffsetDateTime acknowledgedAt) {
    }

    /** Stores the alert unless one for the same rule, period and subject exists. True when it was new. */
    public boolean raise(String rule, String period, String subject, String message, OffsetDateTime at, String siteId) {
        return database.jdbiTransaction(h -> {
            boolean known = h.createQuery("SELECT COUNT(*) FROM monitor_alerts WHERE rule = :rule AND period = :period "
                            + "AND subject = :subject").bind("rule", rule).bind("period", period).bind("subject", subject)
                    .mapTo(Long.class).one() > 0;
            if (known) return false;
            h.createUpdate("INSERT INTO monitor_alerts (id, rule, period, subject, message, raised_at, site_id) "
                            + "VALUES (:id, :rule, :period, :subject, :message, :at, :site)")
                    .bind("id", UUID.randomUUID()).bind("rule", rule).bind("period", period).bind("subject", subject)
                    .bind("message", message).bind("at", at).bind("site", siteId).execute();
            return true;
        });
    }

    private static final String COLUMNS = "SELECT id, rule, period, subject, message, raised_at, acknowledged_by, "
            + "acknowledged_at FROM monitor_alerts";

    /** Every alert, the newest period first. */
    public List<StoredAlert> list() {
        return database.jdbi(h -> h.createQuery(COLUMNS + " ORDER BY period DESC, rule, subject")
                .map((rs, ctx) -> alert(rs)).list());
    }

    /** The open alerts of one rule. */
    public List<StoredAlert> open(String rule) {
        return database.jdbi(h -> h.createQuery(COLUMNS + " WHERE rule = :rule AND acknowledged_at IS NULL")
                .bind("rule", rule).map((rs, ctx) -> alert(rs)).list());
    }

    public Optional<StoredAlert> find(UUID id) {
        return database.jdbi(h -> h.createQuery(COLUMNS + " WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> alert(rs)).findOne());
    }

    private static StoredAlert alert(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredAlert(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getObject(8, OffsetDateTime.class));
    }

    /** Marks an open alert acknowledged. False when there is no such open alert. */
    public boolean acknowledge(UUID id, String by, OffsetDateTime at) {
        return database.jdbi(h -> h.createUpdate("UPDATE monitor_alerts SET acknowledged_by = :by, acknowledged_at = :at "
                        + "WHERE id = :id AND acknowledged_at IS NULL").bind("by", by).bind("at", at).bind("id", id)
                .execute() == 1);
    }

    public long openCount() {
        return database.jdbi(h -> h.createQuery("SELECT COUNT(*) FROM monitor_alerts WHERE acknowledged_at IS NULL")
                .mapTo(Long.class).one());
    }
}
