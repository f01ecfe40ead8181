package com.outcomedesk.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** An open backup file: its manifest, each part's checksum, and each part's content (unsealed where sealed). */
final class BackupArchive implements AutoCloseable {
    private final Path file;
    private final ZipFile zip;
    private final BackupManifest manifest;

    /** A part whose bytes do not match the manifest, and why. */
    record Damage(String part, String reason) {
    }

    private BackupArchive(Path file, ZipFile zip, BackupManifest manifest) {
        this.file = file;
        this.zip = zip;
        this.manifest = manifest;
    }

    static BackupArchive open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BackupException(BackupException.Reason.NOT_A_BACKUP, null, "There is no backup file " + file + ".");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new BackupException(BackupException.Reason.DAMAGED, null, file + " cannot be read as a backup: it is"
                    + " cut off or damaged (" + e.getMessage() + "), or it is not an OutcomeDesk backup. Use another backup.", e);
        }
        try {
            ZipEntry entry = zip.getEntry(BackupManifest.NAME);
            if (entry == null) {
                throw new BackupException(BackupException.Reason.NOT_A_BACKUP, BackupManifest.NAME, file + " holds no "
                        + "manifest: it is not an OutcomeDesk backup, or one whose writing was cut off. Use another backup.");
            }
            byte[] json = read(zip, entry, BackupManifest.NAME);
            ZipEntry sum = zip.getEntry(BackupWriter.MANIFEST_SUM);
            if (sum == null || !new String(read(zip, sum, BackupWriter.MANIFEST_SUM), StandardCharsets.US_ASCII).strip()
                    .equals(BackupWriter.sha256(json))) {
                throw new BackupException(BackupException.Reason.DAMAGED, BackupManifest.NAME, "The backup's manifest does"
                        + " not match its checksum: the file is damaged. Use another backup.");
            }
            return new BackupArchive(file, zip, BackupManifest.parse(json));
        } catch (RuntimeException e) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // the failure to read is the one to report
            }
            throw e;
        }
    }

    private static byte[] read(ZipFile zip, ZipEntry entry, String name) {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readNBytes(1 << 20);
        } catch (IOException e) {
            throw new BackupException(BackupException.Reason.DAMAGED, name, "Part " + name + " of the backup is damaged ("
                    + e.getMessage() + "). Use another backup.", e);
        }
    }

    BackupManifest manifest() {
        return manifest;
    }

    Path file() {
        return file;
    }

    /** Reads every part and compares it with the manifest; the damaged parts, none when the backup is whole. */
    List<Damage> check(java.util.function.LongConsumer bytesRead) {
        List<Damage> damaged = new ArrayList<>();
        byte[] buffer = new byte[1 << 16];
        for (BackupManifest.Part p : manifest.parts()) {
            ZipEntry entry = zip.getEntry(p.name());
            if (entry == null) {
                damaged.add(new Damage(p.name(), "missing from the file"));
                continue;
            }
            MessageDigest digest = BackupWriter.sha256();
            long size = 0;
            try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    size += n;
                    bytesRead.accept(n);
                }
            } catch (ZipException e) {
                damaged.add(new Damage(p.name(), "its compressed bytes are damaged (" + e.getMessage() + ")"));
                continue;
            } catch (IOException e) {
                damaged.add(new Damage(p.name(), "it cannot be read (" + e.getMessage() + ")"));
                continue;
            }
            if (size != p.bytes()) {
                damaged.add(new Damage(p.name(), "it has " + size + " bytes, the manifest says " + p.bytes()));
            } else if (!HexFormat.of().formatHex(digest.digest()).equals(p.sha256())) {
                damaged.add(new Damage(p.name(), "its SHA-256 differs from the manifest's"));
            }
        }
        return damaged;
    }

    /** Total bytes of the parts as stored, for progress. */
    long partBytes() {
        return manifest.parts().stream().mapToLong(BackupManifest.Part::bytes).sum();
    }

    /** The content of a part: unsealed and decompressed when it was sealed. */
    InputStream content(BackupManifest.Part p, BackupKey key) throws IOException {
        ZipEntry entry = zip.getEntry(p.name());
        if (entry == null) throw new BackupException(BackupException.Reason.DAMAGED, p.name(), "Part " + p.name()
                + " is missing from the backup.");
        InputStream in = new BufferedInputStream(zip.getInputStream(entry), 1 << 16);
        if (!p.sealed()) return in;
        if (!key.sealed()) throw new BackupException(BackupException.Reason.KEY_NEEDED, p.name(), "Part " + p.name()
                + " is encrypted; the backup's key is needed to read it.");
        return new InflaterInputStream(Sealing.open(in, key.key(), p.name()), new java.util.zip.Inflater(), 1 << 16);
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }
}
