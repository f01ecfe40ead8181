package com.outcomedesk.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.HybridClock;
import com.outcomedesk.store.Database;
import com.outcomedesk.sync.ServerSide.AppointmentOffer;
import com.outcomedesk.sync.ServerSide.AppointmentOutcome;
import com.outcomedesk.sync.SiteRegistry.Site;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The OutcomeDesk Server's side of sync over HTTP: what the sync routes call for an authenticated site. It applies
 * {@link ServerRules}, the rules a direct connection applies, on the server's own store in its own transactions,
 * after three checks a database login never had: a row must carry this site's own stamp, lie in the site's push
 * scope, and not be stamped more than {@link #MAX_CLOCK_LEAD} ahead of the server's clock. A row stamped wrongly is
 * answered as refused (the site quarantines it, nothing is written); a batch touching rows outside the push scope
 * is refused whole ({@link OutsideScope}, 403). Both are audited as the site. Pulls carry only what the site's pull
 * scope lets it see.
 */
public final class SyncHub {
    /** The most rows one push may carry; a site sends {@link SyncEngine#DEFAULT_BATCH}. */
    public static final int MAX_PUSH_ROWS = 10_000;
    /** The most rows one pull answers. */
    public static final int MAX_PULL_ROWS = 20_000;
    /** How far ahead of the server's clock a row's stamp may be: a clock far in the future would win every edit. */
    public static final Duration MAX_CLOCK_LEAD = Duration.ofMinutes(5);

    /** Where a site's pulls stand: the server's id and its highest committed change number. */
    public record Mark(String serverId, long committed) {
    }

    /** A push over {@link #MAX_PUSH_ROWS}: answered 413, nothing applied. */
    public static final class Oversize extends IllegalArgumentException {
        Oversize(int rows) {
            super("A push may carry at most " + MAX_PUSH_ROWS + " rows; this one has " + rows + ". Nothing was applied.");
        }
    }

    /**
     * A push that would change rows outside the site's push scope: answered 403 with each such row, nothing of the
     * batch applied; the site holds those rows back and sends the rest again.
     */
    public static final class OutsideScope extends RuntimeException {
        private final transient Map<Object, Quarantine.Problem> rows;

        OutsideScope(String site, Map<Object, Quarantine.Problem> rows) {
            super("The site " + site + " may not change " + rows.size() + (rows.size() == 1 ? " row" : " rows")
                    + " of this batch: they were last written by sites outside its push scope, which the server's "
                    + "administrator sets ('sites scope'). Nothing of the batch was applied.", null, false, false);
            this.rows = rows;
        }

        /** The refused rows as the answer lists them: key, field (null: the scope) and reason. */
        public List<Map<String, String>> refused() {
            List<Map<String, String>> out = new ArrayList<>();
            rows.forEach((k, p) -> {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("key", k.toString());
                m.put("field", p.field());
                m.put("reason", p.reason());
                out.add(m);
            });
            return out;
        }
    }

    private final Database database;
    private final AuditTrail audit;
    private final SiteRegistry sites;
    private final String serverId;
    private final HybridClock hlc;
    private final Clock clock;

    public SyncHub(Database database, AuditTrail audit, String serverId, HybridClock hlc, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.serverId = serverId;
        this.hlc = hlc;
        this.clock = clock;
        this.sites = new SiteRegistry(database, audit, clock);
    }

    public SiteRegistry sites() {
        return sites;
    }

    /**
     * Starts a site's run: numbers rows written directly on the server, so the site pulls them too. The id it answers
     * names the site's pull high-water marks, so it carries the site's view: under a narrowed pull scope the site
     * pulls from the start through the new filter once (rows it holds are no-ops), and when the scope is widened
     * again it goes on from the marks of that view, so no row skipped meanwhile is missed.
     */
    public Mark begin(Site site) {
        SiteScope pull = sites.scopes(site).pull();
        String view = pull.wholeNetwork() ? serverId
                : serverId + "/view-" + SyncWire.sha256(String.join(",", pull.ids())).substring(0, 16);
        return inTransaction(c -> {
            DirectServerWrites.number(c);
            SyncBatches.prune(c);
            return new Mark(view, committed(c));
        });
    }

    public Mark mark() {
        return inTransaction(c -> new Mark(serverId, committed(c)));
    }

    private static long committed(Connection c) throws SQLException {
        long n = ServerCounter.committed(c);
        c.commit();
        return n;
    }

    /** Applies one push batch (see {@link SyncWire}) and returns its answer, or the stored answer of a batch sent again. */
    public String push(Site site, JsonNode body) {
        String batchId = body.path("batchId").asText("");
        if (batchId.isBlank() || batchId.length() > 128) {
            throw new IllegalArgumentException("batchId must be given (at most 128 characters).");
        }
        String tableName = body.path("table").asText("");
        SyncTable table = SyncTable.named(tableName);
        List<JsonNode> rows = SyncWire.rows(body);
        if (rows.size() > MAX_PUSH_ROWS) throw new Oversize(rows.size());
        String key = SyncBatches.key(site.name(), batchId);
        SiteRegistry.Scopes scopes = sites.scopes(site);
        try {
            return apply(site, scopes, key, table, tableName, rows);
        } catch (OutsideScope e) {
            audit.record(site.actor(), "sync.push.refused", "site", site.name(), "table=" + table.name()
                    + "; written=0; refused=" + e.rows.size() + "; why=scope");
            throw e;
        }
    }

    private String apply(Site site, SiteRegistry.Scopes scopes, String key, SyncTable table, String tableName,
                         List<JsonNode> rows) {
        return inTransaction(c -> {
            String earlier = SyncBatches.answer(c, key);
            if (earlier != null) return earlier;
            Applied applied;
            if (table == SyncTable.APPOINTMENTS) applied = appointments(c, site, scopes.push(), rows);
            else if (table == SyncTable.MAPPINGS) applied = mappings(c, rows);
            else if (table != null && AppendOnlySync.TABLES.contains(table)) applied = appendOnly(c, site, table, rows);
            else throw new IllegalArgumentException("table must be one of appointments, outcome_mappings, "
                        + String.join(", ", AppendOnlySync.TABLES.stream().map(SyncTable::name).toList()) + "; not '"
                        + tableName + "'.");
            String answer = write(applied.answer());
            SyncBatches.record(c, key, site.name(), table.name(), answer);
            if (applied.written() > 0 || applied.refused() > 0) {
                audit.record(site.actor(), applied.refused() > 0 ? "sync.push.refused" : "sync.push", "site",
                        site.name(), "table=" + table.name() + "; written=" + applied.written() + "; refused="
                                + applied.refused() + (applied.why().isEmpty() ? "" : "; why=" + applied.why()));
            }
            return answer;
        });
    }

    /** What one batch did, for its answer and its audit entry. */
    private record Applied(ObjectNode answer, long written, long refused, String why) {
    }

    /**
     * The rows are looked up once, under the change counter's lock, for the scope check and for the rules: a row's
     * writer then cannot change between the check and the write.
     */
    private Applied appointments(Connection c, Site site, SiteScope scope, List<JsonNode> rows) throws SQLException {
        List<AppointmentOffer> offers = new ArrayList<>();
        for (JsonNode n : rows) offers.add(SyncWire.appointmentOffer(n));
        AppointmentOutcome done = ServerRules.pushAppointments(c, offers, (offered, onServer) -> {
            Map<Object, Quarantine.Problem> outside = new LinkedHashMap<>();
            for (AppointmentOffer o : offered) {
                SyncRow current = onServer.get(o.row().key());
                if (current != null && !scope.covers(current.site())) {
                    outside.put(o.row().key(), new Quarantine.Problem(null, "refused by the server: the appointment "
                            + "was last written by " + current.site() + ", outside this site's push scope"));
                }
            }
            if (!outside.isEmpty()) throw new OutsideScope(site.name(), outside);
            Map<Object, Quarantine.Problem> refused = new LinkedHashMap<>();
            for (AppointmentOffer o : offered) {
                Quarantine.Problem p = check(site, o.row());
                if (p != null) refused.put(o.row().key(), p);
            }
            return refused;
        });
        return new Applied(SyncWire.answer(done), done.written(), done.refused().size(), why(done.refused()));
    }

    private Applied appendOnly(Connection c, Site site, SyncTable table, List<JsonNode> rows) throws SQLException {
        List<SyncRow> own = new ArrayList<>();
        Map<Object, Quarantine.Problem> refused = new LinkedHashMap<>();
        for (JsonNode n : rows) {
            SyncRow r = RowJson.read(table, n.get("row"), null);
            Quarantine.Problem p = r.site() != null && !r.site().equals(site.storeSiteId())
                    ? new Quarantine.Problem("site_id", "written by " + r.site() + ", not by this site") : check(site, r);
            if (p == null) own.add(r);
            else refused.put(r.key(), p);
        }
        ServerSide.AppendOutcome done = ServerRules.pushAppendOnly(c, table, own);
        return new Applied(SyncWire.answer(done), done.written(), refused.size(), why(refused));
    }

    private Applied mappings(Connection c, List<JsonNode> rows) throws SQLException {
        List<ServerSide.MappingOffer> offers = new ArrayList<>();
        for (JsonNode n : rows) offers.add(SyncWire.mappingOffer(n));
        PushResult done = ServerRules.pushMappings(c, offers);
        return new Applied(SyncWire.answer(done), done.pushed(), 0, "");
    }

    /** A row stamped by another site, or too far in the future: refused, with the field and reason. */
    private Quarantine.Problem check(Site site, SyncRow row) {
        if (row.key() == null) throw new IllegalArgumentException("A " + row.table() + " row has no key.");
        if (row.version() == null) return null;
        if (!row.version().site().equals(site.storeSiteId())) {
            return new Quarantine.Problem("site_id", "refused by the server: stamped by " + row.version().site()
                    + ", not by this site (" + site.storeSiteId() + ")");
        }
        long millis = row.version().hlc() >>> 16;
        if (millis > clock.millis() + MAX_CLOCK_LEAD.toMillis()) {
            return new Quarantine.Problem("hlc", "refused by the server: stamped " + java.time.Instant.ofEpochMilli(millis)
                    + ", more than " + MAX_CLOCK_LEAD.toMinutes() + " minutes ahead of the server's clock; set this "
                    + "computer's clock right and edit the row again");
        }
        return null;
    }

    private static String why(Map<Object, Quarantine.Problem> refused) {
        return refused.values().stream().map(p -> p.field() == null ? "scope" : p.field()).distinct()
                .reduce((a, b) -> a + "," + b).orElse("");
    }

    /**
     * Resolves a kept conflict for an administrator at the site, on the server's store in one transaction, as a
     * direct connection would: confirm the winner, or swap the kept version back in as a new change stamped as the
     * site's. The site may resolve only conflicts it can see, and swap only rows it may change; audited as the site.
     */
    public ConflictView resolve(Site site, UUID id, ConflictService.Decision decision, String user) {
        SiteRegistry.Scopes scopes = sites.scopes(site);
        ChangeStamper asSite = new ChangeStamper(clock, hlc, site.storeSiteId());
        Actor actor = new Actor(user + "@" + site.name(), Role.ADMINISTRATOR);
        ConflictView resolved = inTransaction(c -> {
            SyncRow conflict = SyncSql.fetch(c, SyncTable.CONFLICTS, List.of(id)).get(id);
            c.commit();
            if (conflict == null || !visible(scopes.pull(), conflict)) throw InvalidRequestException.notFound(ConflictService.CONFLICT_ID, id);
            if (decision == ConflictService.Decision.SWAP && "appointment".equals(conflict.value(1))) {
                UUID row = UUID.fromString((String) conflict.value(2));
                SyncRow current = SyncSql.fetch(c, SyncTable.APPOINTMENTS, List.of(row)).get(row);
                c.commit();
                if (current != null && !scopes.push().covers(current.site())) {
                    throw new OutsideScope(site.name(), Map.of(row, new Quarantine.Problem(null, "the appointment was "
                            + "last written by " + current.site() + ", outside this site's push scope")));
                }
            }
            return new ConflictService(database, asSite).resolveOn(c, id, decision, actor);
        });
        audit.record(site.actor(), "sync.conflict." + decision.name().toLowerCase(java.util.Locale.ROOT), "sync_conflict",
                id.toString(), "entity=" + resolved.entity() + "; by=" + user);
        return resolved;
    }

    private static boolean visible(SiteScope scope, SyncRow conflict) {
        SyncTable t = SyncTable.CONFLICTS;
        return !"appointment".equals(conflict.value(1)) || scope.covers((String) conflict.value(t.index("winner_site")))
                || scope.covers((String) conflict.value(t.index("loser_site")));
    }

    /**
     * Streams up to {@code limit} rows of the table numbered after {@code since} up to {@code upTo} (at most the
     * committed number) as NDJSON; returns how many.
     */
    public long pull(Site site, String tableName, long since, long upTo, int limit, OutputStream out) {
        SyncTable table = SyncTable.named(tableName);
        if (table == null || table == SyncTable.DOCTORS) {
            throw new IllegalArgumentException("table must be a synced table (appointments, outcome_mappings, "
                    + "sync_conflicts, model_versions, model_activations, predictions, audit_log); not '" + tableName + "'.");
        }
        int n = Math.max(1, Math.min(limit, MAX_PULL_ROWS));
        SiteScope scope = sites.scopes(site).pull();
        return inTransaction(c -> {
            long until = Math.min(upTo, committed(c));
            try (JsonGenerator g = SyncWire.MAPPER.getFactory().createGenerator(out)) {
                g.setRootValueSeparator(null);
                return ServerSql.stream(c, table, since, until, n, scope, row -> {
                    g.writeTree(SyncWire.pulled(table, row));
                    g.writeRaw('\n');
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * One transaction of the server's store. The sync's own statements failing is the sync refused; failing to
     * reach or commit to the store is phrased as every other store failure (the HTTP API answers 503 when it is
     * unreachable).
     */
    private <T> T inTransaction(Database.SqlFunction<T> work) {
        return database.jdbcTransaction(c -> {
            try {
                return work.apply(c);
            } catch (SQLException e) {
                throw new SyncException("The server's store refused the sync: " + SyncEngine.firstLine(e), e);
            }
        });
    }

    private static String write(ObjectNode node) {
        try {
            return SyncWire.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a sync answer", e);
        }
    }
}
