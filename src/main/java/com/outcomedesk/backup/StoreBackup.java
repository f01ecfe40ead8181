package com.outcomedesk.backup;

import com.outcomedesk.store.Database;
import com.outcomedesk.store.StoreException;
import com.outcomedesk.store.StoreMaintenance;
import com.outcomedesk.store.Vendor;
import com.outcomedesk.transfer.Exporter;
import com.outcomedesk.transfer.FileFormat;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.security.EncryptedStore;
import com.outcomedesk.store.OwnerOnly;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Backs up the store. The embedded H2 store is copied whole (every table, models and audit included) into
 * a zip with H2's online BACKUP, which is consistent while the app runs. A PostgreSQL store is backed up
 * by its server's tools; here its appointments are exported in the reference format, which Import reads back.
 */
public final class StoreBackup {
    private final Database database;
    private final StoreMaintenance maintenance;
    private final Exporter exporter;

    public StoreBackup(Database database, Exporter exporter) {
        this.database = database;
        this.maintenance = new StoreMaintenance(database);
        this.exporter = exporter;
    }

    /** What a backup of this store contains, for the file dialog and the confirmation. */
    public boolean wholeStore() {
        return database.vendor() == Vendor.H2;
    }

    public String suggestedFileName(String stamp) {
        return "outcome-desk-backup-" + stamp + (wholeStore() ? ".zip" : ".json");
    }

    /** @return a sentence saying what was written */
    public String backup(Path target, ProgressListener progress) {
        Path file = target.toAbsolutePath();
        if (!wholeStore()) {
            long n = exporter.export(file, FileFormat.JSON, progress).records();
            return String.format("Exported %,d appointments to %s.", n, file);
        }
        progress.progress("Backing up the store", 0, -1);
        maintenance.backupTo(file);
        if (!Files.isRegularFile(file)) throw new StoreException("The backup was not written to " + file + ".");
        addKeyring(file);
        ownerOnly(file);
        return "Copied the whole store to " + file + ". To restore, unzip it into the data directory while the app is closed.";
    }

    /** A whole-store backup holds all the data (and the keyring), so it gets the store's own permissions. */
    private static void ownerOnly(Path zip) {
        try {
            OwnerOnly.restrict(zip);
        } catch (IOException e) {
            throw new StoreException("The backup was written but could not be made readable by its owner only: "
                    + e.getMessage(), e);
        }
    }

    /** An encrypted store cannot be read without its keyring (it holds only wrapped keys), so it goes along. */
    private void addKeyring(Path zip) {
        EncryptedStore.keyringPath(database.location()).filter(Files::isRegularFile).ifPresent(keyring -> {
            try (FileSystem fs = FileSystems.newFileSystem(zip)) {
                Files.copy(keyring, fs.getPath(keyring.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new StoreException("The backup was written but the keyring could not be added: " + e.getMessage(), e);
            }
        });
    }
}
