package com.outcomedesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;

/**
 * Files and directories only their owner can read: 0600 and 0700 on POSIX systems, an ACL with the
 * owner alone on Windows. Anything holding patient data or keys is created this way.
 */
public final class OwnerOnly {
    private OwnerOnly() {
    }

    /** Creates an empty file only the owner can read and write; fails if it exists. */
    public static Path createFile(Path file) throws IOException {
        if (posix(file)) {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.createFile(file);
        restrict(file);
        return file;
    }

    /** Creates a directory (and missing parents) and makes the directory itself owner-only. */
    public static Path createDirectories(Path dir) throws IOException {
        Files.createDirectories(dir);
        restrict(dir);
        return dir;
    }

    /** Takes group and other access away from an existing file or directory. */
    public static void restrict(Path path) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl == null) return;
        UserPrincipal owner = Files.getOwner(path);
        acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
    }

    /** True when nobody but the owner has access (on a file system with neither permissions nor ACLs: true). */
    public static boolean isOwnerOnly(Path path) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix != null) {
            return posix.readAttributes().permissions().stream().noneMatch(p -> p.name().startsWith("GROUP_")
                    || p.name().startsWith("OTHERS_"));
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl == null) return true;
        UserPrincipal owner = Files.getOwner(path);
        return acl.getAcl().stream().allMatch(e -> e.type() != AclEntryType.ALLOW || e.principal().equals(owner));
    }

    private static boolean posix(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return dir != null && Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }
}
