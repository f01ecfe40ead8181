package com.outcomedesk.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which process has an embedded store open. H2 locks the file but does not say who holds it, so the process that
 * opens the store writes its id beside it ({@code outcome-desk.in-use}) and removes it on close; a second process
 * that finds the file locked can then name the first. Only a hint for the message: a missing or stale file is ignored.
 */
final class StoreOwner {
    private StoreOwner() {
    }

    static void claim(StoreLocation location) {
        file(location).ifPresent(f -> {
            try {
                Files.writeString(f, Long.toString(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                // without it a second process's message just cannot name this one
            }
        });
    }

    static void release(StoreLocation location) {
        file(location).ifPresent(f -> {
            try {
                if (of(location).filter(pid -> pid == ProcessHandle.current().pid()).isPresent()) Files.deleteIfExists(f);
            } catch (IOException e) {
                // a stale file is ignored by the next reader once this process has ended
            }
        });
    }

    /** The live process that wrote the file, if any. */
    static Optional<Long> of(StoreLocation location) {
        Optional<Path> f = file(location).filter(Files::isRegularFile);
        if (f.isEmpty()) return Optional.empty();
        try {
            long pid = Long.parseLong(Files.readString(f.get(), StandardCharsets.US_ASCII).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> file(StoreLocation location) {
        return location.databaseFile().map(p -> p.resolveSibling(p.getFileName() + ".in-use"));
    }
}
