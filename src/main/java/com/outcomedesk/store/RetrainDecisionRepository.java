package com.outcomedesk.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The retraining policy's decisions, written once and listed newest first. */
public final class RetrainDecisionRepository {
    private static final String COLUMNS = "SELECT id, decided_at, trigger_reason, policy, champion_version, challenger_version, "
            + "outcome, reasons, evidence, decided_by FROM retrain_decisions";

    private final Database database;

    public RetrainDecisionRepository(Database database) {
        this.database = database;
    }

    /** A decision as stored; {@code reasons} one a line, {@code evidence} the measurements as JSON. */
    public record StoredDecision(UUID id, OffsetDateTime decidedAt, String trigger, String policy, Integer championVersion,
                                 int challengerVersion, String outcome, String reasons, String evidence, String decidedBy) {
    }

    public void insert(StoredDecision d, String siteId) {
        database.jdbi(h -> h.createUpdate("INSERT INTO retrain_decisions (id, decided_at, trigger_reason, policy, champion_version, "
                        + "challenger_version, outcome, reasons, evidence, decided_by, site_id) VALUES (:id, :at, :trigger, :policy, "
                        + ":champion, :challenger, :outcome, :reasons, :evidence, :by, :site)")
                .bind("id", d.id()).bind("at", d.decidedAt()).bind("trigger", d.trigger()).bind("policy", d.policy())
                .bind("champion", d.championVersion()).bind("challenger", d.challengerVersion()).bind("outcome", d.outcome())
                .bind("reasons", d.reasons()).bind("evidence", d.evidence()).bind("by", d.decidedBy()).bind("site", siteId)
                .execute());
    }

    /** Every decision, the newest first. */
    public List<StoredDecision> list() {
        return database.jdbi(h -> h.createQuery(COLUMNS + " ORDER BY decided_at DESC, id").map((rs, ctx) -> decision(rs)).list());
    }

    /** When the policy last ran, if ever. */
    public Optional<OffsetDateTime> lastDecidedAt() {
        return database.jdbi(h -> h.createQuery("SELECT MAX(decided_at) FROM retrain_decisions")
                .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class)).findOne());
    }

    private static StoredDecision decision(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredDecision(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                rs.getString(4), rs.getObject(5, Integer.class), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10));
    }
}
