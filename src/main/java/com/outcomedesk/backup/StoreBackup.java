package com.outcomedesk.backup;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.security.EncryptedStore;
import com.outcomedesk.store.Database;
import java.nio.file.Path;
import java.time.Clock;

/** The open store's backups, for the engine's callers: what File > Backup and {@code backup} write. */
public final class StoreBackup {
    public static final String EXTENSION = ".odbackup";

    private final Database database;
    private final Clock clock;

    public StoreBackup(Database database, Clock clock) {
        this.database = database;
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
        return new BackupWriter(database, clock).write(target, actor, passphrase, overwrite, progress);
    }
}
