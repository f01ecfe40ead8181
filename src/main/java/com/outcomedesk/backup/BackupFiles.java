package com.outcomedesk.backup;

import com.outcomedesk.security.EncryptedStore;
import com.outcomedesk.security.StoreSecrets;
import com.outcomedesk.store.StoreLocation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files beside the database that a store cannot be opened or trusted without: the keyring (the wrapped data key
 * of an encrypted store) and the secrets file (the audit chain's key, the model-signing key, the sync password).
 */
final class BackupFiles {
    static final String PREFIX = "files/";
    static final String KEYRING = "outcome-desk.keyring";
    static final String SECRETS = "outcome-desk.secrets";

    private BackupFiles() {
    }

    /** File name in the backup to where the store at the location keeps it (present or not). */
    static Map<String, Path> of(StoreLocation location) {
        Map<String, Path> files = new LinkedHashMap<>();
        EncryptedStore.keyringPath(location).ifPresent(p -> files.put(KEYRING, p));
        StoreSecrets.path(location).ifPresent(p -> files.put(SECRETS, p));
        return files;
    }

    static Optional<Path> place(StoreLocation location, String name) {
        return Optional.ofNullable(of(location).get(name));
    }

    /** The keyring is never sealed: it holds only wrapped keys, and it is what opens an encrypted store's backup. */
    static boolean sealable(String name) {
        return !KEYRING.equals(name);
    }
}
