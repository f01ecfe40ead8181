package com.outcomedesk.backup;

import com.outcomedesk.common.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Proves a backup can be restored without touching the live store: every part against its checksum, then a restore into
 * a temporary directory (deleted afterwards) whose tables must hold the manifest's row counts and whose audit chain must
 * verify.
 */
public final class BackupVerifier {
    private final Clock clock;

    public BackupVerifier(Clock clock) {
        this.clock = clock;
    }

    /** What was found: the manifest, the damaged parts (none when whole) and, when whole, the trial restore. */
    public record Report(BackupManifest manifest, List<Damaged> damaged, BackupRestorer.Result restored) {
        public boolean sound() {
            return damaged.isEmpty() && restored != null;
        }
    }

    public record Damaged(String part, String reason) {
    }

    /** The manifest of a backup (checked against its own checksum), to say what it is and which key it needs. */
    public static BackupManifest manifest(Path file) {
        try (BackupArchive archive = BackupArchive.open(file)) {
            return archive.manifest();
        }
    }

    public Report verify(Path file, BackupKey.Unlock unlock, ProgressListener progress) {
        try (BackupArchive archive = BackupArchive.open(file)) {
            long total = archive.partBytes();
            long[] read = {0};
            List<Damaged> damaged = archive.check(n -> {
                read[0] += n;
                progress.progress("Checking the backup", read[0], total);
            }).stream().map(d -> new Damaged(d.part(), d.reason())).toList();
            if (!damaged.isEmpty()) return new Report(archive.manifest(), damaged, null);
            Path scratch = Files.createTempDirectory("outcome-desk-verify");
            try {
                BackupRestorer.Result restored = new BackupRestorer(clock).restoreAside(archive, scratch, unlock, progress);
                return new Report(archive.manifest(), List.of(), restored);
            } finally {
                BackupRestorer.deleteTree(scratch);
            }
        } catch (IOException e) {
            throw new BackupException(BackupException.Reason.DAMAGED, null, "Cannot make a temporary directory to try the"
                    + " restore in: " + e.getMessage(), e);
        }
    }
}
