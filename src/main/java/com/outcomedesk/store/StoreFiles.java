package com.outcomedesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's directory and files are its owner's only (0700 and 0600, an owner-only ACL on
 * Windows): otherwise any local user could copy the database or the keyring and guess passwords offline.
 * H2 creates its own files with the process's default permissions, so they are tightened after it has
 * made them; the directory, made owner-only first, already keeps other users out meanwhile. A store made
 * by an older version is tightened when it is next opened, with a notice in the log.
 */
public final class StoreFiles {
    private static final Logger LOG = LoggerFactory.getLogger(StoreFiles.class);

    private StoreFiles() {
    }

    /**
     * Makes the directory of an H2 file store owner-only (creating it if missing) and tightens the store's files
     * ({@code outcome-desk.*}: database, trace, lock, keyring, secrets). The directory is tightened only when it
     * was created here or is the data directory itself, never another directory a URL points into. Other stores
     * have no files here. Returns how many existing paths were readable by others.
     */
    public static int secure(StoreLocation location) {
        Optional<Path> db = location.databaseFile();
        if (db.isEmpty()) return 0;
        Path dir = db.get().getParent();
        List<Path> loose = new ArrayList<>();
        try {
            if (!Files.isDirectory(dir)) {
                OwnerOnly.createDirectories(dir);
            } else if (dir.equals(location.home().toAbsolutePath()) && !OwnerOnly.isOwnerOnly(dir)) {
                loose.add(dir);
            }
            String prefix = db.get().getFileName().toString() + ".";
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                    if (Files.isRegularFile(f) && !OwnerOnly.isOwnerOnly(f)) loose.add(f);
                }
            }
            for (Path p : loose) OwnerOnly.restrict(p);
        } catch (IOException e) {
            LOG.warn("Could not make the store's files readable by their owner only ({}); check the permissions of "
                    + "the data directory", e.getClass().getSimpleName());
        }
        return loose.size();
    }

    /** As {@link #secure}, for a store about to be opened: tightening what an older version left open is logged. */
    public static void secureBeforeOpening(StoreLocation location) {
        int tightened = secure(location);
        if (tightened > 0) {
            LOG.warn("The store's directory or files were readable by other users of this computer; {} of them are "
                    + "now readable by their owner only", tightened);
        }
    }

    /** The live process that has the embedded store open, if any (by the hint it leaves beside the store). */
    public static Optional<Long> inUseBy(StoreLocation location) {
        return StoreOwner.of(location);
    }
}
