package com.outcomedesk.sync;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outcomedesk.appointments.AppointmentService;
import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.common.Actor;
import com.outcomedesk.security.StoreSecrets;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.SettingsRepository;
import com.outcomedesk.store.SyncStateRepository;
import com.outcomedesk.store.Vendor;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** Sync as the engine offers it: the server setting, running a sync, its status, and the conflicts. */
public final class SyncService {
    /** Field name in refusals: the appointment to repair. */
    public static final String APPOINTMENT_ID = "appointmentId";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String URL = "sync.server.url";
    static final String USER = "sync.server.user";
    /** The server password's name among the store's secrets; older versions kept it in the settings table. */
    static final String PASSWORD = "sync.server.password";
    static final String LAST_SYNC = "sync.last.completed";
    static final String LAST_ATTEMPT = "sync.last.attempt";
    static final String LAST_REACHABLE = "sync.last.reachable";
    static final String INTERVAL = "sync.interval_minutes";
    /** "server": through the OutcomeDesk Server (recommended); "direct": the site's own PostgreSQL login (advanced). */
    static final String MODE = "sync.mode";
    static final String VIA_SERVER = "server";
    static final String DIRECT = "direct";
    static final String HTTP_URL = "sync.http.url";
    static final String HTTP_SITE = "sync.http.site";
    static final String HTTP_PIN = "sync.http.pin";
    /** The site's secret among the store's secrets: sealed under the data key when the store is encrypted. */
    static final String SITE_SECRET = "sync.site.secret";
    public static final int DEFAULT_ATTEMPTS = 5;
    public static final int DEFAULT_INTERVAL_MINUTES = 5;
    public static final int MAX_INTERVAL_MINUTES = 1440;

    private final Database database;
    private final SettingsRepository settings;
    private final ChangeStamper stamper;
    private final AuditTrail audit;
    private final SyncEngine engine;
    private final ConflictService conflicts;
    private final StoreSecrets secrets;
    private final AppointmentService appointments;

    private final AtomicReference<Statement> clockScan = new AtomicReference<>();
    private final CompletableFuture<Long> storedClock;

    public SyncService(Database database, SettingsRepository settings, ChangeStamper stamper, AuditTrail audit,
                       AppointmentService appointments) {
        this.database = database;
        this.appointments = appointments;
        this.settings = settings;
        this.stamper = stamper;
        this.audit = audit;
        this.engine = new SyncEngine(database, stamper.hlc(), SyncEngine.DEFAULT_BATCH);
        this.conflicts = new ConflictService(database, stamper);
        this.secrets = StoreSecrets.of(database.location());
        movePasswordOutOfSettings();
        // After a restart the clock must still order new edits after every stored (and pulled) one. The scan reads
        // every appointment, seconds on a large store, so it runs aside and only the first new edit waits for it.
        this.storedClock = CompletableFuture.supplyAsync(this::largestStoredStamp);
        stamper.hlc().observeWhenKnown(storedClock);
    }

    /**
     * A password stored by an older version sits in clear in the settings table, where anyone who can read the
     * database reads it; it moves to the store's secrets file and leaves the table.
     */
    private void movePasswordOutOfSettings() {
        Optional<String> clear = settings.get(PASSWORD);
        if (clear.isEmpty()) return;
        if (!clear.get().isEmpty()) secrets.putSecret(PASSWORD, clear.get());
        settings.remove(PASSWORD);
    }

    /**
     * True when the server password is sealed under the store's data key; false when the store is not encrypted
     * and the password lies in an owner-only file beside it, readable by this computer's administrators.
     */
    public boolean passwordSealed() {
        return secrets.sealed();
    }

    private long largestStoredStamp() {
        return database.withConnection(c -> {
            try (SyncStateRepository state = SyncStateRepository.over(c)) {
                return state.largestAppointmentStamp(clockScan::set);
            }
        });
    }

    /**
     * Ends the scan for the largest stored stamp if it still runs, so that the store closes at once (and can be
     * encrypted or copied right after); the engine stamps nothing more once closing.
     */
    public void close() {
        Statement scan = clockScan.get();
        if (scan != null) {
            try {
                scan.cancel();
            } catch (SQLException e) {
                // Already finished: nothing to stop.
            }
        }
        storedClock.exceptionally(failure -> 0L).join();
    }

    /** Sets the shared server (administrators only). The password is kept in the store's secrets, not its settings. */
    public void configure(String url, String user, String password, Actor actor) {
        actor.requireAdministrator("configure the sync server");
        if (url == null || url.isBlank()) throw new IllegalArgumentException("The sync server's address is missing (jdbc:postgresql://HOST:5432/DB).");
        if (Vendor.of(url.strip()) != Vendor.POSTGRESQL) {
            throw new IllegalArgumentException("The sync server must be PostgreSQL (jdbc:postgresql://HOST:5432/DB), not " + url.strip());
        }
        if (database.vendor() == Vendor.POSTGRESQL) {
            throw new IllegalArgumentException("This store is already on the shared server; sync is for a local store.");
        }
        settings.put(URL, url.strip());
        settings.put(USER, user == null ? "" : user);
        settings.put(MODE, DIRECT);
        secrets.putSecret(PASSWORD, password);
        ServerConfig config = config().orElseThrow();
        audit.record(actor, "sync.configure", "settings", "sync.server", "server=" + config.displayName());
    }

    /** What enrolling did: the site's name, the server, whether its secret is sealed, the pinned certificate. */
    public record Enrolled(String site, String server, boolean secretSealed, String pinnedCertificate) {
    }

    /**
     * Enrols this store with an OutcomeDesk Server (administrators only) using the one-time code its administrator
     * gave, and syncs through it from then on: the site's secret goes into the store's secrets, never a plain
     * setting. With {@code pinCertificate} the server's current certificate is pinned (for a self-signed one).
     */
    public Enrolled enroll(String serverUrl, String code, boolean pinCertificate, Actor actor) {
        actor.requireAdministrator("enrol this site with a server");
        if (database.vendor() == Vendor.POSTGRESQL) {
            throw new IllegalArgumentException("This store is already on the shared server; enrolment is for a local store.");
        }
        java.net.URI uri = serverUri(serverUrl);
        if (code == null || code.isBlank()) throw new IllegalArgumentException("Give the enrolment code the server's administrator sent (sites add NAME).");
        String pin = null;
        if (pinCertificate) {
            if (!uri.getScheme().equals("https")) throw new IllegalArgumentException("Only an https:// server has a certificate to pin.");
            try {
                pin = SiteTls.fingerprint(uri);
            } catch (java.io.IOException e) {
                throw new SyncException("The server " + uri + " could not be reached to read its certificate: "
                        + e.getMessage(), e);
            }
        }
        SiteLogin login = HttpServerSide.enroll(uri, code.strip(), stamper.siteId(), pin);
        secrets.putSecret(SITE_SECRET, login.secret());
        settings.put(HTTP_URL, uri.toString());
        settings.put(HTTP_SITE, login.site());
        if (pin == null) settings.remove(HTTP_PIN);
        else settings.put(HTTP_PIN, pin);
        settings.put(MODE, VIA_SERVER);
        audit.record(actor, "sync.enroll", "settings", "sync.server", "server=" + uri + "; site=" + login.site()
                + (pin == null ? "" : "; pinned"));
        return new Enrolled(login.site(), login.displayName(), secrets.sealed(), pin);
    }

    /** https://HOST:PORT; plain http only to this computer (a server started with --insecure-http on loopback). */
    private static java.net.URI serverUri(String url) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(url == null ? "" : url.strip());
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("The server's address must be https://HOST:PORT, not '" + url + "'.");
        }
        boolean loopback = uri.getHost().equals("localhost") || uri.getHost().equals("127.0.0.1") || uri.getHost().equals("[::1]");
        if (!uri.getScheme().equals("https") && !(uri.getScheme().equals("http") && loopback)) {
            throw new IllegalArgumentException("The server's address must start with https:// (plain http only to this "
                    + "computer): " + url);
        }
        return java.net.URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    /** The sites enrolled with this store when it serves as an OutcomeDesk Server ({@code sites} commands). */
    public SiteRegistry sites() {
        return new SiteRegistry(database, audit, java.time.Clock.systemUTC());
    }

    /** True when this store syncs through an OutcomeDesk Server; false for the direct (advanced) mode or none. */
    public boolean viaServer() {
        return settings.get(MODE).filter(VIA_SERVER::equals).isPresent();
    }

    /** The OutcomeDesk Server login, when this store is enrolled and set to sync through it. */
    public Optional<SiteLogin> login() {
        if (!viaServer()) return Optional.empty();
        Optional<String> url = settings.get(HTTP_URL);
        Optional<String> site = settings.get(HTTP_SITE);
        Optional<String> secret = secrets.secret(SITE_SECRET);
        if (url.isEmpty() || site.isEmpty() || secret.isEmpty()) return Optional.empty();
        return Optional.of(new SiteLogin(java.net.URI.create(url.get()), site.get(), secret.get(),
                settings.get(HTTP_PIN).orElse(null)));
    }

    /** Whether a sync has somewhere to go, by either way. */
    public boolean configured() {
        return target().isPresent();
    }

    private Optional<SyncTarget> target() {
        if (viaServer()) return login().map(HttpServerSide::target);
        return config().map(SyncTarget::direct);
    }

    /** Sets the shared server from its fields (administrators only); bad fields are refused with every reason. */
    public void configure(ServerAddress address, Actor actor) {
        actor.requireAdministrator("configure the sync server");
        ServerConfig config = address.config();
        configure(config.url(), config.user(), config.password(), actor);
    }

    /** The fields of the configured server, when a server is set and its URL fits them. */
    public Optional<ServerAddress> address() {
        return config().flatMap(ServerAddress::of);
    }

    /** Tries the server once, without saving anything, and says what happened in words. */
    public ConnectionCheck.Outcome testConnection(ServerAddress address) {
        return ConnectionCheck.test(address.checked(), 5);
    }

    /** Minutes between the desktop app's background syncs; 0 means only when the user asks. */
    public int intervalMinutes() {
        return settings.get(INTERVAL).map(Integer::parseInt).orElse(DEFAULT_INTERVAL_MINUTES);
    }

    /** Sets the background sync interval (administrators only), 0 (manual only) to 1,440 minutes. */
    public void setIntervalMinutes(int minutes, Actor actor) {
        actor.requireAdministrator("change the sync interval");
        if (minutes < 0 || minutes > MAX_INTERVAL_MINUTES) {
            throw new IllegalArgumentException("The sync interval must be 0 (only when asked) to " + MAX_INTERVAL_MINUTES
                    + " minutes.");
        }
        settings.put(INTERVAL, Integer.toString(minutes));
        audit.record(actor, "setting-change", "setting", INTERVAL, "value=" + minutes);
    }

    public Optional<ServerConfig> config() {
        return settings.get(URL).filter(u -> !u.isBlank()).map(url -> new ServerConfig(url,
                settings.get(USER).filter(u -> !u.isBlank()).orElse(null),
                secrets.secret(PASSWORD).orElse(null)));
    }

    /**
     * Syncs with the configured server, continuing after a dropped connection up to {@code maxAttempts}
     * times. An unreachable server is a normal outcome, reported with {@code reachable == false}.
     */
    public SyncReport sync(int maxAttempts) {
        return sync(target().orElseThrow(NoServerException::new), maxAttempts);
    }

    /** As {@link #sync(int)}, recorded in the audit trail as run by the actor. */
    public SyncReport sync(int maxAttempts, Actor actor) {
        SyncReport report = sync(maxAttempts);
        audit.record(actor, "sync.run", "settings", "sync.server", "reachable=" + report.reachable()
                + "; complete=" + report.complete());
        return report;
    }

    public SyncReport sync(ServerConfig config, int maxAttempts) {
        return sync(SyncTarget.direct(config), maxAttempts);
    }

    private SyncReport sync(SyncTarget config, int maxAttempts) {
        SyncReport report = engine.run(config);
        int attempts = 1;
        while (report.interrupted() && attempts < maxAttempts) {
            sleep(100L * attempts);
            attempts++;
            report = engine.run(config).after(report, attempts);
        }
        settings.put(LAST_ATTEMPT, report.finishedAt().toString());
        settings.put(LAST_REACHABLE, Boolean.toString(report.reachable()));
        if (report.complete()) settings.put(LAST_SYNC, report.finishedAt().toString());
        return report;
    }

    /** Pending changes are counted only when a server is set: on a large store that count reads every row. */
    public SyncStatus status() {
        Optional<SyncTarget> server = target();
        boolean configured = server.isPresent();
        return new SyncStatus(server.map(SyncTarget::displayName).orElse(null),
                settings.get(LAST_SYNC).map(OffsetDateTime::parse).orElse(null),
                settings.get(LAST_ATTEMPT).map(OffsetDateTime::parse).orElse(null),
                settings.get(LAST_REACHABLE).map(Boolean::parseBoolean).orElse(null),
                configured ? pending() : 0, engine.openConflicts(), engine.quarantined());
    }

    /** Local changes not yet on a server. */
    public long pending() {
        return engine.pending();
    }

    public List<ConflictView> conflicts(boolean includeResolved) {
        return conflicts.list(includeResolved);
    }

    /** The rows sync holds back, oldest first. */
    public List<QuarantineEntry> quarantine() {
        return database.withConnection(Quarantine::list);
    }

    /**
     * Repairs the text of an appointment, quarantined or not (administrators only): {@link
     * AppointmentService#repairText}, an audited local edit that the next sync pushes, and its quarantine entry goes.
     * Returns false, leaving any entry, when its text already keeps the rule (the server refused it for another
     * reason: the next sync tries it again; editing it is the other way).
     */
    public boolean repair(String appointmentId, Actor actor) {
        actor.requireAdministrator("repair quarantined records");
        UUID id;
        try {
            id = UUID.fromString(appointmentId.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.malformed(APPOINTMENT_ID, appointmentId.strip());
        }
        if (!appointments.repairText(id, actor)) return false;
        database.withConnection(c -> {
            Quarantine.remove(c, id.toString());
            return null;
        });
        return true;
    }

    /**
     * Repairs every quarantined appointment whose text can be repaired; returns how many were. A held-back outcome
     * mapping (stored before the rule) is not edited here: an administrator maps its phrasing again.
     */
    public int repairAll(Actor actor) {
        actor.requireAdministrator("repair quarantined records");
        int repaired = 0;
        for (QuarantineEntry e : quarantine()) {
            if (e.entity().equals(Quarantine.APPOINTMENT) && repair(e.entityId(), actor)) repaired++;
        }
        return repaired;
    }

    /**
     * The version in use here of a conflict's record, in the same form as {@link ConflictView#kept()}, so the two
     * can be shown side by side; empty when the record is gone or is a model numbering conflict.
     */
    public Map<String, Object> inUse(ConflictView conflict) {
        SyncTable table = switch (conflict.entity()) {
            case "appointment" -> SyncTable.APPOINTMENTS;
            case "outcome_mapping" -> SyncTable.MAPPINGS;
            default -> null;
        };
        if (table == null) return Map.of();
        Object key = table == SyncTable.APPOINTMENTS ? UUID.fromString(conflict.entityId()) : conflict.entityId();
        SyncRow row = database.withConnection(c -> SyncSql.fetch(c, table, List.of(key)).get(key));
        if (row == null) return Map.of();
        try {
            return MAPPER.readValue(RowJson.write(table, row), new TypeReference<>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A stored row could not be read back", e);
        }
    }

    /**
     * Confirms the winner, or swaps in the losing version (administrators only). The decision is made on
     * the server, then synced here; in shared-only mode this store is the server.
     */
    public ConflictView resolve(UUID id, ConflictService.Decision decision, Actor actor) {
        actor.requireAdministrator("resolve sync conflicts");
        ConflictView resolved;
        if (database.vendor() == Vendor.POSTGRESQL) {
            resolved = database.withConnection(c -> conflicts.resolveOn(c, id, decision, actor));
        } else if (viaServer()) {
            SiteLogin login = login().orElseThrow(NoServerException::new);
            try {
                HttpServerSide.resolve(login, id, decision, actor.name());
            } catch (java.sql.SQLException e) {
                throw new SyncException("The server " + login.displayName() + " is not reachable; resolve the conflict "
                        + "when it is.", e);
            }
            // The decision is the server's; it reaches this store, and the screen, with the sync.
            sync(HttpServerSide.target(login), DEFAULT_ATTEMPTS);
            resolved = conflicts.list(true).stream().filter(c -> c.id().equals(id)).findFirst()
                    .orElseThrow(() -> new SyncException("The server resolved conflict " + id + ", but the sync that "
                            + "brings the decision here did not finish; it arrives with the next sync."));
        } else {
            ServerConfig config = config().orElseThrow(() -> new SyncException(
                    "No sync server is configured, so there is nothing to resolve here."));
            try (ServerLink link = ServerLink.open(config, 5)) {
                resolved = conflicts.resolveOn(link.connection(), id, decision, actor);
            } catch (java.sql.SQLException e) {
                throw new SyncException(ServerLink.isConnectionLoss(e)
                        ? "The server " + config.displayName() + " is not reachable; resolve the conflict when it is."
                        : "Could not resolve the conflict: " + SyncEngine.firstLine(e), e);
            }
            sync(config, DEFAULT_ATTEMPTS);
        }
        audit.record(actor, "sync.conflict." + decision.name().toLowerCase(java.util.Locale.ROOT), "sync_conflict",
                id.toString(), "entity=" + resolved.entity());
        return resolved;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
