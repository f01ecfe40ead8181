package com.outcomedesk.security;

import com.outcomedesk.store.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Read-modify-write of a small file shared by processes: an exclusive lock on a sidecar {@code .lock} file
 * (a file lock belongs to the whole process, so threads of one process also queue on an in-process lock),
 * and writes through a temporary file of this process's own that is moved into place atomically.
 */
final class FileLocks {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private FileLocks() {
    }

    /** Runs work while holding the lock that guards {@code file}; a thread already holding it just runs it. */
    static <T> T exclusive(Path file, Supplier<T> work) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock").toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        local.lock();
        try {
            if (local.getHoldCount() > 1) return work.get();
            try (FileChannel channel = open(lockFile); FileLock ignored = channel.lock()) {
                return work.get();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot lock " + lockFile + ": " + e.getMessage(), e);
            }
        } finally {
            local.unlock();
        }
    }

    /** Writes the bytes to an owner-only temporary file of this process and moves it over {@code target}. */
    static void replace(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + "." + System.nanoTime() + ".tmp");
        try {
            OwnerOnly.createFile(temp);
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileChannel open(Path lockFile) throws IOException {
        try {
            OwnerOnly.createFile(lockFile);
        } catch (FileAlreadyExistsException alreadyThere) {
            // another process made it first: the lock is on the file, not on who created it
        }
        return FileChannel.open(lockFile, StandardOpenOption.WRITE);
    }
}
