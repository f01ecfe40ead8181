package com.outcomedesk.backup;

import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.security.EncryptedStore;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.SettingsRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The open store's backups, for the engine's callers: what File > Backup and {@code backup} write. Each good backup is
 * audited and remembered (when, where), so the status bar and {@code status} can say how recent the last one is.
 */
public final class StoreBackup {
    public static final String EXTENSION = ".odbackup";
    static final String LAST_AT = "backup.last.at";
    static final String LAST_FILE = "backup.last.file";

    private final Database database;
    private final SettingsRepository settings;
    private final AuditTrail audit;
    private final Clock clock;

    /** When and where the last good backup was written. */
    public record Last(OffsetDateTime at, String file) {
    }

    public StoreBackup(Database database, SettingsRepository settings, AuditTrail audit, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public String suggestedFileName(String stamp) {
        return "outcome-desk-" + stamp + EXTENSION;
    }

    /** True when the store is encrypted at rest, so its backup is encrypted with it (no passphrase is asked). */
    public boolean encryptedWithStore() {
        return EncryptedStore.dataKey(database.location()).isPresent();
    }

    public BackupManifest backup(Path target, Actor actor, char[] passphrase, boolean overwrite, ProgressListener progress) {
        BackupManifest m = new BackupWriter(database, clock).write(target, actor, passphrase, overwrite, progress);
        String file = target.toAbsolutePath().toString();
        settings.put(LAST_AT, m.createdAt().toString());
        settings.put(LAST_FILE, file);
        audit.record(actor, "backup", "backup", target.getFileName().toString(), "rows=" + m.rows() + " encryption="
                + m.encryption().scheme());
        return m;
    }

    public Optional<Last> last() {
        return settings.get(LAST_AT).map(at -> new Last(OffsetDateTime.parse(at), settings.get(LAST_FILE).orElse("")));
    }
}
