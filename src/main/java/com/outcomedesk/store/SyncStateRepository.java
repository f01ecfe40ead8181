package com.outcomedesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * Sync's bookkeeping in a store: the pull high-water marks in {@code sync_state}, the appointment versions agreed with the server ({@code appointment_sync_base}, V41)
 * and what is still to push. Works on the connection the caller holds, inside the caller's transaction.
 */
public final class SyncStateRepository implements AutoCloseable {
    /** Appointments (alias a) with their agreed version (alias b, absent for a row never agreed). */
    public static final String APPOINTMENTS_WITH_AGREED =
            "appointments a LEFT JOIN appointment_sync_base b ON b.id = a.id";
    /** An appointment changed since it was agreed, over {@link #APPOINTMENTS_WITH_AGREED}. */
    public static final String APPOINTMENT_DIRTY = "(b.id IS NULL OR b.base_hlc <> a.hlc OR b.base_site <> a.site_id)";
    /** The agreed version's columns, over {@link #APPOINTMENTS_WITH_AGREED}. */
    public static final String AGREED_COLUMNS = "b.base_hlc, b.base_site";
    /** An outcome mapping whose category differs from the one agreed with the server. */
    public static final String MAPPING_DIRTY = "(base_category IS NULL OR base_category <> category)";
    /** Records an agreed version (parameters: id, hlc, site). */
    public static final String AGREE = "MERGE INTO appointment_sync_base t USING (VALUES (CAST(? AS UUID), "
            + "CAST(? AS BIGINT), CAST(? AS VARCHAR(64)))) AS s(id, base_hlc, base_site) ON t.id = s.id "
            + "WHEN MATCHED THEN UPDATE SET base_hlc = s.base_hlc, base_site = s.base_site "
            + "WHEN NOT MATCHED THEN INSERT (id, base_hlc, base_site) VALUES (s.id, s.base_hlc, s.base_site)";
    /** Records an appointment's current version as agreed (parameter: its id), reading it in the same store. */
    public static final String AGREE_CURRENT = "MERGE INTO appointment_sync_base t USING (SELECT id, hlc, site_id "
            + "FROM appointments WHERE id = ?) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET base_hlc = s.hlc, "
            + "base_site = s.site_id WHEN NOT MATCHED THEN INSERT (id, base_hlc, base_site) VALUES (s.id, s.hlc, s.site_id)";

    private final Handle handle;

    private SyncStateRepository(Handle handle) {
        this.handle = handle;
    }

    /** The repository over a connection the caller holds; closing it leaves the connection and its transaction. */
    public static SyncStateRepository over(Connection connection) {
        return new SyncStateRepository(Database.jdbiOver(connection));
    }

    /** A pull high-water mark, 0 when never set. */
    public long mark(String name) {
        return handle.createQuery("SELECT state_value FROM sync_state WHERE name = :name").bind("name", name)
                .mapTo(Long.class).findOne().orElse(0L);
    }

    public void putMark(String name, long value) {
        int updated = handle.createUpdate("UPDATE sync_state SET state_value = :value WHERE name = :name")
                .bind("value", value).bind("name", name).execute();
        if (updated > 0) return;
        handle.createUpdate("INSERT INTO sync_state (name, state_value) VALUES (:name, :value)")
                .bind("name", name).bind("value", value).execute();
    }

    /** True while the store holds no appointment and no agreed version: a first pull may only insert. */
    public boolean noAppointments() {
        return handle.createQuery("SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM appointments FETCH FIRST 1 ROWS ONLY) x) "
                + "+ (SELECT COUNT(*) FROM (SELECT 1 FROM appointment_sync_base FETCH FIRST 1 ROWS ONLY) y)")
                .mapTo(Long.class).one() == 0;
    }

    /** As {@link #agree}, for rows that have no agreed version yet (a first pull): a plain insert, not a merge. */
    public void agreeNew(Collection<AgreedVersion> versions) {
        if (versions.isEmpty()) return;
        PreparedBatch batch = handle.prepareBatch("INSERT INTO appointment_sync_base (id, base_hlc, base_site) VALUES (?, ?, ?)");
        for (AgreedVersion v : versions) batch.bind(0, v.id()).bind(1, v.hlc()).bind(2, v.site()).add();
        batch.execute();
    }

    /** Records the versions as agreed with the server, in one batch. */
    public void agree(Collection<AgreedVersion> versions) {
        if (versions.isEmpty()) return;
        PreparedBatch batch = handle.prepareBatch(AGREE);
        for (AgreedVersion v : versions) batch.bind(0, v.id()).bind(1, v.hlc()).bind(2, v.site()).add();
        batch.execute();
    }

    /** Marks append-only rows (keyed by UUID {@code id}) as on the server, under their server numbers, in one batch. */
    public void numbered(String table, Map<UUID, Long> serverNumbers) {
        if (serverNumbers.isEmpty()) return;
        PreparedBatch batch = handle.prepareBatch("UPDATE " + table + " SET server_seq = :seq WHERE id = :id");
        serverNumbers.forEach((id, seq) -> batch.bind("seq", seq).bind("id", id).add());
        batch.execute();
    }

    /**
     * Records the outcome mappings' categories (normalised text to category) as agreed with the server, each only
     * while the mapping still has that category (a decision made again meanwhile stays to push).
     */
    public void agreeMappings(Map<String, String> categories) {
        if (categories.isEmpty()) return;
        PreparedBatch batch = handle.prepareBatch("UPDATE outcome_mappings SET base_category = category "
                + "WHERE normalized_text = :text AND category = :category");
        categories.forEach((text, category) -> batch.bind("text", text).bind("category", category).add());
        batch.execute();
    }

    /** The statement of {@link #largestAppointmentStamp} (its plan is tested). */
    public static final String LARGEST_STAMP = "SELECT COALESCE(MAX(hlc), 0) FROM appointments";

    /**
     * The largest hybrid-clock stamp of any stored appointment (0 in an empty store). It reads every entry of
     * idx_appointments_monitor, which holds the stamp (V68), rather than the wide rows;
     * {@code running} receives the statement while it runs (and null after), so that another thread can cancel it.
     */
    public long largestAppointmentStamp(Consumer<Statement> running) {
        try {
            return handle.createQuery(LARGEST_STAMP)
                    .addCustomizer(new StatementCustomizer() {
                        @Override
                        public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
                            running.accept(stmt);
                        }
                    })
                    .mapTo(Long.class).one();
        } finally {
            running.accept(null);
        }
    }

    /**
     * The newest hybrid-clock stamp of the appointments each site wrote, by site id (on the server: what each site
     * last pushed). It reads every appointment.
     */
    public Map<String, Long> newestAppointmentStampPerSite() {
        Map<String, Long> sites = new java.util.TreeMap<>();
        handle.createQuery("SELECT site_id, MAX(hlc) AS newest FROM appointments WHERE site_id IS NOT NULL GROUP BY site_id")
                .map((rs, ctx) -> Map.entry(rs.getString("site_id"), rs.getLong("newest")))
                .forEach(e -> sites.put(e.getKey(), e.getValue()));
        return sites;
    }

    /** Local changes not yet on the server: dirty appointments and mappings, unnumbered append-only rows. */
    public long pending(List<String> appendOnlyTables) {
        long n = count("SELECT COUNT(*) FROM " + APPOINTMENTS_WITH_AGREED + " WHERE " + APPOINTMENT_DIRTY)
                + count("SELECT COUNT(*) FROM outcome_mappings WHERE " + MAPPING_DIRTY);
        for (String table : appendOnlyTables) n += count("SELECT COUNT(*) FROM " + table + " WHERE server_seq IS NULL");
        return n;
    }

    private long count(String sql) {
        return handle.createQuery(sql).mapTo(Long.class).one();
    }

    @Override
    public void close() {
        handle.close();
    }
}
