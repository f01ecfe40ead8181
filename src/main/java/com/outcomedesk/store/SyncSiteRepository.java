package com.outcomedesk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The sites enrolled with this OutcomeDesk Server (V49). */
public final class SyncSiteRepository {
    private static final String COLUMNS = "name, status, code_hash, code_expires_at, secret_hash, store_site_id, "
            + "push_scope, created_at, created_by, enrolled_at, last_seen_at, changed_at, pull_scope";
    private final Database database;

    public SyncSiteRepository(Database database) {
        this.database = database;
    }

    /** Adds the site; false when the name is taken. */
    public boolean add(SyncSiteRow s) {
        return database.jdbiTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM sync_sites WHERE name = :n").bind("n", s.name()).mapTo(Long.class).one() > 0) {
                return false;
            }
            h.createUpdate("INSERT INTO sync_sites (" + COLUMNS + ") VALUES (:name, :status, :code, :expires, :secret, "
                            + ":site, :scope, :created, :by, :enrolled, :seen, :changed, :pull)")
                    .bind("name", s.name()).bind("status", s.status()).bind("code", s.codeHash())
                    .bind("expires", ts(s.codeExpiresAt())).bind("secret", s.secretHash()).bind("site", s.storeSiteId())
                    .bind("scope", s.pushScope()).bind("created", ts(s.createdAt())).bind("by", s.createdBy())
                    .bind("enrolled", ts(s.enrolledAt())).bind("seen", ts(s.lastSeenAt())).bind("changed", ts(s.changedAt()))
                    .bind("pull", s.pullScope()).execute();
            return true;
        });
    }

    public Optional<SyncSiteRow> find(String name) {
        return database.jdbi(h -> h.createQuery("SELECT " + COLUMNS + " FROM sync_sites WHERE name = :n").bind("n", name)
                .map((rs, ctx) -> row(rs)).findOne());
    }

    public Optional<SyncSiteRow> byCode(String codeHash) {
        return database.jdbi(h -> h.createQuery("SELECT " + COLUMNS + " FROM sync_sites WHERE code_hash = :c")
                .bind("c", codeHash).map((rs, ctx) -> row(rs)).findOne());
    }

    public List<SyncSiteRow> all() {
        return database.jdbi(h -> h.createQuery("SELECT " + COLUMNS + " FROM sync_sites ORDER BY name")
                .map((rs, ctx) -> row(rs)).list());
    }

    /**
     * Turns a pending site with this code into an active one holding the secret's hash; false when the code was used
     * meanwhile (two enrollments racing: one wins).
     */
    public boolean enroll(String name, String codeHash, String secretHash, String storeSiteId, Instant at) {
        return database.jdbiTransaction(h -> h.createUpdate("UPDATE sync_sites SET status = 'active', code_hash = NULL, "
                        + "code_expires_at = NULL, secret_hash = :secret, store_site_id = :site, enrolled_at = :at, "
                        + "changed_at = :at WHERE name = :name AND status = 'pending' AND code_hash = :code")
                .bind("secret", secretHash).bind("site", storeSiteId).bind("at", ts(at)).bind("name", name)
                .bind("code", codeHash).execute() == 1);
    }

    /** Sets the status; a site that gets a new code (re-enrolment) loses its secret at once. */
    public boolean setStatus(String name, String status, Instant at) {
        return database.jdbiTransaction(h -> h.createUpdate("UPDATE sync_sites SET status = :s, changed_at = :at, "
                        + "code_hash = CASE WHEN :s = 'revoked' THEN NULL ELSE code_hash END WHERE name = :n")
                .bind("s", status).bind("at", ts(at)).bind("n", name).execute() == 1);
    }

    /** Sets both scopes at once, so a site never syncs under half of an administrator's change. */
    public boolean setScope(String name, String pushScope, String pullScope, Instant at) {
        return database.jdbiTransaction(h -> h.createUpdate("UPDATE sync_sites SET push_scope = :p, pull_scope = :q, "
                        + "changed_at = :at WHERE name = :n")
                .bind("p", pushScope).bind("q", pullScope).bind("at", ts(at)).bind("n", name).execute() == 1);
    }

    public void seen(String name, Instant at) {
        database.jdbiTransaction(h -> h.createUpdate("UPDATE sync_sites SET last_seen_at = :at WHERE name = :n")
                .bind("at", ts(at)).bind("n", name).execute());
    }

    private static SyncSiteRow row(ResultSet rs) throws SQLException {
        return new SyncSiteRow(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), rs.getString(5),
                rs.getString(6), rs.getString(7), instant(rs, 8), rs.getString(9), instant(rs, 10), instant(rs, 11),
                instant(rs, 12), rs.getString(13));
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
