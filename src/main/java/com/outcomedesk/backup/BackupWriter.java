package com.outcomedesk.backup;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.AppVersion;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.security.EncryptedStore;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.OwnerOnly;
import com.outcomedesk.store.SchemaState;
import com.outcomedesk.store.SettingsRepository;
import com.outcomedesk.store.StoreTables;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a portable backup ({@code .odbackup}, a zip): one part per table, streamed row by row from one consistent
 * snapshot (bounded memory whatever the store's size, from H2 or PostgreSQL alike), the files the store needs beside
 * it, and the manifest last. It is written under a temporary name, forced to disk and only then moved to its name,
 * so a backup killed mid-way leaves no file that passes for one.
 */
public final class BackupWriter {
    static final String TABLES = "tables/";
    static final String MANIFEST_SUM = "manifest.sha256";
    private static final int REPORT_EVERY = 2_000;

    private final Database database;
    private final Clock clock;

    public BackupWriter(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Backs up the store to a file that must not exist yet (unless overwriting was confirmed). A store encrypted at
     * rest gives an encrypted backup; for another store a passphrase, when given, encrypts it.
     */
    public BackupManifest write(Path target, Actor actor, char[] passphrase, boolean overwrite, ProgressListener progress) {
        actor.requireAdministrator("back up the store");
        Path file = target.toAbsolutePath();
        if (Files.exists(file) && !overwrite) {
            throw new BackupException(BackupException.Reason.TARGET_TAKEN, null, file + " exists already; choose another"
                    + " name (a backup never overwrites a file unasked).");
        }
        Optional<byte[]> dataKey = EncryptedStore.dataKey(database.location());
        if (dataKey.isPresent() && passphrase != null && passphrase.length > 0) {
            throw new BackupException(BackupException.Reason.KEY_NEEDED, null, "The store is encrypted, so its backup is"
                    + " encrypted with the store's own key and opens with a user's password; leave out the passphrase.");
        }
        BackupKey key = dataKey.map(BackupKey::store)
                .orElseGet(() -> passphrase == null || passphrase.length == 0 ? BackupKey.none() : BackupKey.passphrase(passphrase));
        Path partial = file.resolveSibling(file.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            BackupManifest manifest;
            Files.deleteIfExists(partial);
            OwnerOnly.createFile(partial);
            try (OutputStream raw = Files.newOutputStream(partial);
                 ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
                manifest = writeParts(zip, actor, key, dataKey.isPresent(), progress);
                byte[] json = manifest.toJson();
                entry(zip, BackupManifest.NAME, Deflater.DEFAULT_COMPRESSION);
                zip.write(json);
                zip.closeEntry();
                entry(zip, MANIFEST_SUM, Deflater.DEFAULT_COMPRESSION);
                zip.write(sha256(json).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return manifest;
        } catch (IOException e) {
            throw new BackupException(BackupException.Reason.DAMAGED, null, "The backup could not be written to " + file
                    + ": " + e.getMessage() + ". Nothing in the store was changed.", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover .partial file is never taken for a backup: it has no manifest, or is not named as one
            }
        }
    }

    private BackupManifest writeParts(ZipOutputStream zip, Actor actor, BackupKey key, boolean storeEncrypted,
                                      ProgressListener progress) {
        String schema = SchemaState.of(database).applied();
        String site = new SettingsRepository(database).siteId();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        List<BackupManifest.Part> parts = new ArrayList<>();
        StoreTables.snapshot(database, snapshot -> {
            long total = 0;
            for (StoreTables.Table t : snapshot.tables()) total += snapshot.estimate(t);
            long[] done = {0};
            progress.progress("Backing up", 0, total);
            for (StoreTables.Table t : snapshot.tables()) {
                progress.progress("Backing up " + t.name(), done[0], Math.max(total, done[0]));
                String name = TABLES + t.name() + ".json";
                Counted out = part(zip, name, key);
                long rows;
                try (JsonGenerator g = BackupManifest.MAPPER.getFactory().createGenerator(out.stream(), JsonEncoding.UTF8)) {
                    g.writeStartObject();
                    g.writeStringField("table", t.name());
                    g.writeArrayFieldStart("columns");
                    for (StoreTables.Column c : t.columns()) {
                        g.writeStartArray();
                        g.writeString(c.name());
                        g.writeString(c.kind().name());
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                    g.writeArrayFieldStart("rows");
                    long finalTotal = total;
                    // This thread reads the store; the pipe's encodes, compresses and checksums.
                    try (RowPipe pipe = new RowPipe("backup-writer", values -> {
                        g.writeStartArray();
                        for (int i = 0; i < values.length; i++) RowCodec.write(g, t.columns().get(i).kind(), values[i]);
                        g.writeEndArray();
                    })) {
                        rows = snapshot.rows(t, values -> {
                            pipe.add(values);
                            if (++done[0] % REPORT_EVERY == 0) {
                                progress.progress("Backing up " + t.name(), done[0], Math.max(finalTotal, done[0]));
                            }
                        });
                        pipe.finish();
                    }
                    g.writeEndArray();
                    g.writeNumberField("count", rows);
                    g.writeEndObject();
                }
                parts.add(out.finish(BackupManifest.Part.TABLE, t.name(), rows));
            }
            progress.progress("Backing up", done[0], Math.max(total, done[0]));
            return null;
        });
        try {
            for (Map.Entry<String, Path> f : BackupFiles.of(database.location()).entrySet()) {
                if (!Files.isRegularFile(f.getValue())) continue;
                BackupKey fileKey = BackupFiles.sealable(f.getKey()) ? key : BackupKey.none();
                Counted out = part(zip, BackupFiles.PREFIX + f.getKey(), fileKey);
                try (OutputStream s = out.stream()) {
                    Files.copy(f.getValue(), s);
                }
                parts.add(out.finish(BackupManifest.Part.FILE, null, null));
            }
        } catch (IOException e) {
            throw new BackupException(BackupException.Reason.DAMAGED, null, "A file of the store could not be read: "
                    + e.getMessage(), e);
        }
        return new BackupManifest(BackupManifest.FORMAT, BackupManifest.FORMAT_VERSION, AppVersion.current(), schema, now,
                actor.name(), site, database.vendor().name(), storeEncrypted, key.encryption(), List.copyOf(parts));
    }

    /** Starts a zip entry; a sealed part is compressed before it is sealed, as sealed bytes do not compress. */
    private static Counted part(ZipOutputStream zip, String name, BackupKey key) throws IOException {
        entry(zip, name, key.sealed() ? Deflater.NO_COMPRESSION : Deflater.BEST_SPEED);
        DigestOutputStream digest = new DigestOutputStream(new Unclosed(zip), sha256());
        Counting counting = new Counting(digest);
        OutputStream stream = key.sealed()
                ? new DeflaterOutputStream(Sealing.seal(counting, key.key(), name), new Deflater(Deflater.BEST_SPEED), 1 << 16)
                : counting;
        return new Counted(zip, name, key.sealed(), stream, counting, digest.getMessageDigest());
    }

    private record Counted(ZipOutputStream zip, String name, boolean sealed, OutputStream stream, Counting counting,
                           MessageDigest digest) {
        BackupManifest.Part finish(String kind, String table, Long rows) throws IOException {
            stream.close();
            zip.closeEntry();
            return new BackupManifest.Part(name, kind, table, rows, counting.count, HexFormat.of().formatHex(digest.digest()),
                    sealed);
        }
    }

    private static void entry(ZipOutputStream zip, String name, int level) throws IOException {
        zip.setLevel(level);
        zip.putNextEntry(new ZipEntry(name));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Lets a part's streams be closed without closing the zip they write into. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
