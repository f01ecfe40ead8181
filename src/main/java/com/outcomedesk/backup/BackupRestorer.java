package com.outcomedesk.backup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.outcomedesk.audit.AuditLog;
import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.common.Role;
import com.outcomedesk.security.EncryptedStore;
import com.outcomedesk.security.StoreSecrets;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.HybridClock;
import com.outcomedesk.store.OwnerOnly;
import com.outcomedesk.store.SettingsRepository;
import com.outcomedesk.store.StoreFiles;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.store.StoreTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Brings a store back from a backup. Into a data directory, it restores beside it ({@code DIR.restoring-...}) and moves
 * the result into place only once every table holds the manifest's row count and the audit chain verifies, so a
 * restore that fails or is killed leaves the directory as it was. A directory that holds a store is replaced only when
 * asked, and is kept aside as {@code DIR.replaced-TIME}. Rows are loaded into the schema version they were written
 * from, then migrated forward; a backup from a newer schema is refused. Into an empty PostgreSQL schema it loads in one
 * transaction.
 */
public final class BackupRestorer {
    private static final Actor RESTORER = new Actor("outcome-desk", Role.ADMINISTRATOR);
    private static final int REPORT_EVERY = 2_000;
    static final String BUILDING = "Building the indexes";

    private final Clock clock;

    public BackupRestorer(Clock clock) {
        this.clock = clock;
    }

    /** What a restore did: where the store is now, what it holds, the audit check, and where the replaced one went. */
    public record Result(StoreLocation location, BackupManifest manifest, Map<String, Long> rows,
                         AuditLog.Verification audit, Optional<Path> keptAside) {
    }

    /** Restores into the target store; {@code replace} confirms replacing a store that is there. */
    public Result restore(Path file, StoreLocation target, BackupKey.Unlock unlock, boolean replace, ProgressListener progress) {
        try (BackupArchive archive = BackupArchive.open(file)) {
            requireWhole(archive, progress);
            requireKnownSchema(archive.manifest());
            return target.databaseFile().isPresent()
                    ? intoDirectory(archive, target, unlock, replace, false, progress)
                    : intoServer(archive, target, unlock, progress);
        }
    }

    /**
     * Restores into a new temporary directory (deleted afterwards, as is the store opened there) to prove a backup can
     * be restored: called by {@link BackupVerifier}.
     */
    Result restoreAside(BackupArchive archive, Path scratch, BackupKey.Unlock unlock, ProgressListener progress) {
        requireKnownSchema(archive.manifest());
        return intoDirectory(archive, StoreLocation.of(scratch.resolve("store"), null), unlock, false, true, progress);
    }

    static void requireWhole(BackupArchive archive, ProgressListener progress) {
        long total = archive.partBytes();
        long[] read = {0};
        List<BackupArchive.Damage> damaged = archive.check(n -> {
            read[0] += n;
            progress.progress("Checking the backup", read[0], total);
        });
        if (!damaged.isEmpty()) {
            BackupArchive.Damage first = damaged.get(0);
            throw new BackupException(BackupException.Reason.DAMAGED, first.part(), "The backup is damaged: part "
                    + first.part() + " " + first.reason() + (damaged.size() > 1 ? " (and " + (damaged.size() - 1)
                    + " more parts)" : "") + ". Nothing was restored; use another backup.");
        }
    }

    private static void requireKnownSchema(BackupManifest m) {
        String newest = StoreTables.newestSchemaVersion();
        if (StoreTables.newer(m.schemaVersion(), newest)) {
            throw new BackupException(BackupException.Reason.NEWER, BackupManifest.NAME, "The backup was made by "
                    + "OutcomeDesk " + m.appVersion() + " with schema version " + m.schemaVersion() + "; this OutcomeDesk "
                    + "knows schema versions up to " + newest + ". Install OutcomeDesk " + m.appVersion()
                    + " or newer to restore it.");
        }
    }

    private Result intoDirectory(BackupArchive archive, StoreLocation target, BackupKey.Unlock unlock, boolean replace,
                                 boolean trial, ProgressListener progress) {
        Path home = target.home().toAbsolutePath();
        boolean occupied = occupied(home);
        if (occupied && StoreFiles.inUseBy(target).isPresent()) {
            throw new BackupException(BackupException.Reason.TARGET_TAKEN, null, "The store in " + home + " is open in "
                    + "process " + StoreFiles.inUseBy(target).get() + "; close OutcomeDesk there before replacing it.");
        }
        if (occupied && !replace) {
            throw new BackupException(BackupException.Reason.TARGET_TAKEN, null, home + " holds a store already. Restore"
                    + " into a new directory, or confirm replacing it (the store there is kept aside, not deleted).");
        }
        Path staging = home.resolveSibling(home.getFileName() + ".restoring-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            OwnerOnly.createDirectories(staging);
            StoreLocation aside = StoreLocation.of(staging, null);
            Result loaded = load(archive, aside, unlock, trial, progress);
            Optional<Path> kept = swapIn(staging, home);
            return new Result(StoreLocation.of(home, null), loaded.manifest(), loaded.rows(), loaded.audit(), kept);
        } catch (IOException e) {
            throw new BackupException(BackupException.Reason.TARGET_TAKEN, null, "Cannot restore into " + home + ": "
                    + e.getMessage() + ". The directory is as it was.", e);
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * Moves a restored data directory into place; a store there is kept aside as {@code HOME.replaced-TIME} (returned).
     * The desktop calls this after closing its store, to replace the store it had open.
     */
    /**
     * {@code HOME<mark>TIME} beside the home, to the second, with "-2", "-3", ... added when that is taken: two restores
     * in one second must not meet in one directory.
     */
    public static Path freshSibling(Path home, String mark, Clock clock) {
        String base = home.getFileName() + mark + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path candidate = home.resolveSibling(base);
        for (int n = 2; Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = home.resolveSibling(base + "-" + n);
        }
        return candidate;
    }

    public Optional<Path> swapIn(Path restored, Path home) throws IOException {
        Optional<Path> kept = Optional.empty();
        if (occupied(home)) {
            Path keep = freshSibling(home, ".replaced-", clock);
            Files.move(home, keep, StandardCopyOption.ATOMIC_MOVE);
            kept = Optional.of(keep);
        } else {
            Files.deleteIfExists(home);
        }
        Files.move(restored, home, StandardCopyOption.ATOMIC_MOVE);
        return kept;
    }

    private Result intoServer(BackupArchive archive, StoreLocation target, BackupKey.Unlock unlock, ProgressListener progress) {
        if (archive.manifest().storeEncrypted()) {
            throw new BackupException(BackupException.Reason.TARGET_TAKEN, null, "The backup is of an encrypted embedded "
                    + "store; restore it into a data directory (its secrets are sealed under that store's key).");
        }
        if (StoreTables.Loader.holdsTables(target)) {
            throw new BackupException(BackupException.Reason.TARGET_TAKEN, null, target.description() + " holds tables "
                    + "already. Restore into an empty database or schema.");
        }
        Optional<Path> secrets = BackupFiles.place(target, BackupFiles.SECRETS).filter(Files::exists);
        if (secrets.isPresent()) {
            throw new BackupException(BackupException.Reason.TARGET_TAKEN, null, secrets.get() + " exists already; give"
                    + " the restored server store a data directory of its own (--home), where its keys will be kept.");
        }
        return load(archive, target, unlock, false, progress);
    }

    /**
     * Files first (the keyring opens an encrypted store's backup), then every table, then the checks. A trial (verify's
     * restore, deleted afterwards) skips what cannot fail on the backup's rows: see {@link StoreTables.Loader#openTrial}.
     */
    private Result load(BackupArchive archive, StoreLocation plain, BackupKey.Unlock unlock, boolean trial,
                        ProgressListener progress) {
        BackupManifest m = archive.manifest();
        try {
            Optional<BackupManifest.Part> keyringPart = m.file(BackupFiles.KEYRING);
            Optional<Path> keyring = BackupFiles.place(plain, BackupFiles.KEYRING);
            if (keyringPart.isPresent() && keyring.isPresent()) extract(archive, keyringPart.get(), BackupKey.none(), keyring.get());
            BackupKey.Opened opened = BackupKey.open(m.encryption(), unlock,
                    keyringPart.isPresent() ? keyring : Optional.empty());
            for (BackupManifest.Part p : m.parts()) {
                if (!BackupManifest.Part.FILE.equals(p.kind()) || p == keyringPart.orElse(null)) continue;
                String name = p.name().substring(BackupFiles.PREFIX.length());
                Optional<Path> place = BackupFiles.place(plain, name);
                if (place.isPresent()) extract(archive, p, opened.key(), place.get());
            }
            StoreLocation location = opened.dataKey().map(k -> EncryptedStore.unlocked(plain, k)).orElse(plain);
            Map<String, Long> rows = new LinkedHashMap<>();
            try (StoreTables.Loader loader = trial ? StoreTables.Loader.openTrial(location, m.schemaVersion())
                    : StoreTables.Loader.open(location, m.schemaVersion())) {
                long total = m.rows();
                long[] done = {0};
                for (BackupManifest.Part p : m.tables()) {
                    progress.progress("Restoring " + p.table(), done[0], total);
                    loadTable(archive, p, opened.key(), loader, done, total, progress);
                }
                for (BackupManifest.Part p : m.tables()) {
                    long n = loader.count(p.table());
                    rows.put(p.table(), n);
                    if (n != p.rows()) {
                        throw new BackupException(BackupException.Reason.MISMATCH, p.name(), "Table " + p.table()
                                + " holds " + n + " rows after the restore, the manifest says " + p.rows()
                                + ". Nothing was restored; use another backup.");
                    }
                }
                loader.finish((built, of) -> {
                    if (built < of) progress.progress(BUILDING, built, of);
                    else progress.progress("Bringing the schema up to date", done[0], total);
                });
            }
            return new Result(location, m, rows, checkAudit(location, archive.file()), Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the restored store: " + e.getMessage(), e);
        }
    }

    private static void loadTable(BackupArchive archive, BackupManifest.Part p, BackupKey key, StoreTables.Loader loader,
                                  long[] done, long total, ProgressListener progress) {
        try (InputStream in = archive.content(p, key);
             JsonParser json = BackupManifest.MAPPER.getFactory().createParser(in)) {
            expect(json, JsonToken.START_OBJECT);
            expectField(json, "table");
            json.nextToken();
            if (!p.table().equals(json.getText())) throw new IOException("it holds table " + json.getText());
            expectField(json, "columns");
            expect(json, JsonToken.START_ARRAY);
            List<String> names = new ArrayList<>();
            List<StoreTables.Kind> kinds = new ArrayList<>();
            while (json.nextToken() == JsonToken.START_ARRAY) {
                json.nextToken();
                names.add(json.getText());
                json.nextToken();
                kinds.add(StoreTables.Kind.valueOf(json.getText()));
                expect(json, JsonToken.END_ARRAY);
            }
            expectField(json, "rows");
            expect(json, JsonToken.START_ARRAY);
            long n = 0;
            // This thread inflates, checks and decodes the part; the pipe's inserts the rows.
            try (StoreTables.Inserter insert = loader.into(p.table(), names);
                 RowPipe pipe = new RowPipe("restore-inserter", insert::add)) {
                while (json.nextToken() == JsonToken.START_ARRAY) {
                    Object[] row = new Object[names.size()];
                    for (int i = 0; i < row.length; i++) {
                        json.nextToken();
                        row[i] = RowCodec.read(json, kinds.get(i));
                    }
                    expect(json, JsonToken.END_ARRAY);
                    pipe.add(row);
                    n++;
                    if (++done[0] % REPORT_EVERY == 0) progress.progress("Restoring " + p.table(), done[0], total);
                }
                pipe.finish();
            }
            expectField(json, "count");
            json.nextToken();
            if (json.getLongValue() != n || n != p.rows()) {
                throw new IOException("it holds " + n + " rows, the manifest says " + p.rows());
            }
        } catch (Sealing.SealBroken e) {
            throw new BackupException(BackupException.Reason.DAMAGED, p.name(), "Part " + p.name() + " cannot be"
                    + " decrypted: " + e.getMessage() + ". Nothing was restored.", e);
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new BackupException(BackupException.Reason.DAMAGED, p.name(), "Part " + p.name() + " cannot be read: "
                    + e.getMessage() + ". Nothing was restored.", e);
        }
    }

    private static void expect(JsonParser json, JsonToken token) throws IOException {
        JsonToken t = json.nextToken();
        if (t != token) throw new IOException("expected " + token + " but found " + t + " at " + json.currentLocation());
    }

    private static void expectField(JsonParser json, String name) throws IOException {
        expect(json, JsonToken.FIELD_NAME);
        if (!name.equals(json.currentName())) throw new IOException("expected field " + name + " but found " + json.currentName());
    }

    private static void extract(BackupArchive archive, BackupManifest.Part p, BackupKey key, Path place) throws IOException {
        try (InputStream in = archive.content(p, key)) {
            if (!Files.isDirectory(place.getParent())) OwnerOnly.createDirectories(place.getParent());
            Files.deleteIfExists(place);
            OwnerOnly.createFile(place);
            try (var out = Files.newOutputStream(place)) {
                in.transferTo(out);
            }
        } catch (Sealing.SealBroken e) {
            throw new BackupException(BackupException.Reason.DAMAGED, p.name(), "Part " + p.name() + " cannot be"
                    + " decrypted: " + e.getMessage() + ".", e);
        }
    }

    /**
     * Opens the restored store as the app would and verifies its audit chain; the check itself is audited there. The
     * rows were just written and counted, so the chains are walked without reading every table again.
     */
    private AuditLog.Verification checkAudit(StoreLocation location, Path file) {
        try (Database database = Database.open(location)) {
            String site = new SettingsRepository(database).siteId();
            AuditTrail trail = new AuditTrail(database, new ChangeStamper(clock, HybridClock.system(), site),
                    StoreSecrets.of(location).key(StoreSecrets.Purpose.AUDIT_CHAIN));
            AuditLog.Verification v = new AuditLog(database, trail).verifyChainsOfFreshStore(RESTORER);
            if (!v.intact()) {
                throw new BackupException(BackupException.Reason.MISMATCH, "tables/audit_log.json", "The restored audit "
                        + "trail does not verify: " + v.firstBreak().reason() + " (site " + v.firstBreak().site() + ", entry "
                        + v.firstBreak().seq() + "). Nothing was restored.");
            }
            trail.record(RESTORER, "backup-restore", "backup", file.getFileName().toString(), "rows restored and checked");
            return v;
        }
    }

    private static boolean occupied(Path home) {
        if (!Files.isDirectory(home)) return Files.exists(home);
        try (Stream<Path> s = Files.list(home)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover scratch directory is named as such and holds nothing live
        }
    }
}
