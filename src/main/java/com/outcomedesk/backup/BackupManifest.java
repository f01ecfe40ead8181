package com.outcomedesk.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a backup holds, written last into it ({@value #NAME}): without a manifest a file is no backup, so one cut off
 * while it was written is never taken for one. Every part is listed with its size and SHA-256 (of its bytes as stored,
 * so a backup can be checked without its key) and, for a table, its row count.
 */
public record BackupManifest(String format, int formatVersion, String appVersion, String schemaVersion,
                             OffsetDateTime createdAt, String createdBy, String siteId, String source,
                             boolean storeEncrypted, Encryption encryption, List<Part> parts) {
    public static final String NAME = "manifest.json";
    public static final String FORMAT = "outcome-desk-backup";
    public static final int FORMAT_VERSION = 1;

    /** How the parts are encrypted: "none", "passphrase" (Argon2id over the passphrase) or "store" (the store's data key). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Encryption(String scheme, String salt, Integer memoryKib, Integer iterations, Integer parallelism,
                             String check) {
        public static final String NONE = "none";
        public static final String PASSPHRASE = "passphrase";
        public static final String STORE = "store";

        public static Encryption none() {
            return new Encryption(NONE, null, null, null, null, null);
        }

        public boolean sealed() {
            return !NONE.equals(scheme);
        }
    }

    /** One part: "table" (rows of a table) or "file" (a file of the data directory, such as the keyring). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Part(String name, String kind, String table, Long rows, long bytes, String sha256, boolean sealed) {
        public static final String TABLE = "table";
        public static final String FILE = "file";
    }

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    public byte[] toJson() {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A manifest is always writable: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a manifest, refusing anything that is not one this program can restore: the reason says which field
     * is wrong. A newer format version is refused as such, so the user knows to update rather than to despair.
     */
    public static BackupManifest parse(byte[] json) {
        BackupManifest m;
        try {
            m = MAPPER.readValue(json, BackupManifest.class);
        } catch (IOException | RuntimeException e) {
            throw notAManifest("it is not valid JSON of a manifest (" + firstLine(e) + ")");
        }
        if (m == null || !FORMAT.equals(m.format())) throw notAManifest("its field format is not " + FORMAT);
        if (m.formatVersion() > FORMAT_VERSION) {
            throw new BackupException(BackupException.Reason.NEWER, NAME, "The backup was written in format version "
                    + m.formatVersion() + " by OutcomeDesk " + m.appVersion() + "; this is OutcomeDesk with format version "
                    + FORMAT_VERSION + ". Restore it with OutcomeDesk " + m.appVersion() + " or newer.");
        }
        if (m.formatVersion() < 1) throw notAManifest("its formatVersion " + m.formatVersion() + " is not 1 or more");
        require(m.schemaVersion(), "schemaVersion");
        require(m.createdAt(), "createdAt");
        require(m.siteId(), "siteId");
        require(m.source(), "source");
        require(m.encryption(), "encryption");
        require(m.encryption().scheme(), "encryption.scheme");
        if (!List.of(Encryption.NONE, Encryption.PASSPHRASE, Encryption.STORE).contains(m.encryption().scheme())) {
            throw notAManifest("its encryption.scheme '" + m.encryption().scheme() + "' is not none, passphrase or store");
        }
        if (m.encryption().sealed()) require(m.encryption().check(), "encryption.check");
        if (Encryption.PASSPHRASE.equals(m.encryption().scheme())) {
            require(m.encryption().salt(), "encryption.salt");
            require(m.encryption().memoryKib(), "encryption.memoryKib");
            require(m.encryption().iterations(), "encryption.iterations");
            require(m.encryption().parallelism(), "encryption.parallelism");
        }
        require(m.parts(), "parts");
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Part p : m.parts()) {
            if (p == null) throw notAManifest("its parts list holds an empty entry");
            require(p.name(), "parts.name");
            require(p.kind(), "parts.kind");
            require(p.sha256(), "parts.sha256");
            if (!p.sha256().matches("[0-9a-f]{64}")) throw notAManifest("the sha256 of part " + p.name() + " is not 64 hex digits");
            if (p.bytes() < 0) throw notAManifest("part " + p.name() + " has a negative size");
            if (!names.add(p.name())) throw notAManifest("part " + p.name() + " is listed twice");
            if (p.name().equals(NAME) || p.name().startsWith("/") || java.util.Arrays.asList(p.name().split("/")).contains("..")) {
                throw notAManifest("part name " + p.name() + " is not allowed");
            }
            if (Part.TABLE.equals(p.kind())) {
                require(p.table(), "parts.table");
                require(p.rows(), "parts.rows");
                if (p.rows() < 0) throw notAManifest("table " + p.table() + " has a negative row count");
            } else if (!Part.FILE.equals(p.kind())) {
                throw notAManifest("part " + p.name() + " has kind '" + p.kind() + "', not table or file");
            }
        }
        return m;
    }

    public List<Part> tables() {
        return parts.stream().filter(p -> Part.TABLE.equals(p.kind())).toList();
    }

    public Optional<Part> file(String name) {
        return parts.stream().filter(p -> Part.FILE.equals(p.kind()) && p.name().equals(BackupFiles.PREFIX + name)).findFirst();
    }

    public long rows() {
        return tables().stream().mapToLong(Part::rows).sum();
    }

    private static void require(Object value, String field) {
        if (Objects.isNull(value)) throw notAManifest("its field " + field + " is missing");
    }

    private static BackupException notAManifest(String why) {
        return new BackupException(BackupException.Reason.NOT_A_BACKUP, NAME,
                "The backup's manifest cannot be read: " + why + ". The file is damaged or is not an OutcomeDesk backup.");
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
