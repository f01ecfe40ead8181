package com.outcomedesk.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Whether a store's schema history already holds exactly the migrations this program carries, read in one query, so
 * that opening a current store need not start Flyway (which scans the whole jar, about a second of a command's
 * start-up). It says {@link Verdict#CURRENT} only when every carried migration is applied successfully with the
 * checksum Flyway computes and nothing else is; a newer program's migration is {@link Verdict#NEWER}; anything else
 * (a new store, a pending, failed, edited or unknown migration, a folder it cannot list) is left to Flyway.
 */
final class SchemaHistory {
    private static final String CLASSPATH = "classpath:";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__(.+)\\.sql");
    private static final String HISTORY = "SELECT \"version\", \"description\", \"type\", \"script\", \"checksum\", \"success\" "
            + "FROM \"flyway_schema_history\"";

    /** A migration file in the program: its version as Flyway writes it, its script name and checksum. */
    record Carried(String version, String description, String script, int checksum) {
    }

    /** What the history says of the carried migrations. */
    record Verdict(Kind kind, String applied, String newest) {
        enum Kind { CURRENT, NEWER, ASK_FLYWAY }

        static final Verdict ASK_FLYWAY = new Verdict(Kind.ASK_FLYWAY, null, null);
    }

    private SchemaHistory() {
    }

    /**
     * The migrations in the vendor's folders on the class path (the shared ones and its own); empty when a folder holds
     * anything else or cannot be listed.
     */
    static Optional<List<Carried>> carried(ClassLoader loader, Vendor vendor) {
        List<Carried> carried = new ArrayList<>();
        for (String location : vendor.migrationLocations()) {
            String folder = location.substring(CLASSPATH.length());
            if (!carried(loader, folder, carried)) return Optional.empty();
        }
        return carried.isEmpty() ? Optional.empty() : Optional.of(carried);
    }

    private static boolean carried(ClassLoader loader, String location, List<Carried> carried) {
        URL folder = loader.getResource(location);
        if (folder == null) return false;
        try {
            List<String> names = switch (folder.getProtocol()) {
                case "jar" -> inJar(folder, location);
                case "file" -> inFolder(folder);
                default -> null;
            };
            if (names == null || names.isEmpty()) return false;
            for (String name : names) {
                Matcher m = VERSIONED.matcher(name);
                if (!m.matches()) return false; // repeatable migrations, callbacks, Java: Flyway's to run
                try (InputStream in = loader.getResourceAsStream(location + "/" + name)) {
                    if (in == null) return false;
                    carried.add(new Carried(m.group(1).replace('_', '.'), m.group(2).replace('_', ' '), name, checksum(in)));
                }
            }
            return true;
        } catch (IOException | URISyntaxException | UncheckedIOException e) {
            return false;
        }
    }

    private static List<String> inJar(URL folder, String location) throws IOException {
        JarURLConnection connection = (JarURLConnection) folder.openConnection();
        List<String> names = new ArrayList<>();
        String prefix = location + "/";
        // The class loader has the jar open; a second JarFile shares its central directory, so listing it is cheap.
        try (JarFile jar = new JarFile(Path.of(connection.getJarFileURL().toURI()).toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                String name = e.getName();
                if (name.startsWith(prefix) && name.length() > prefix.length()) {
                    String rest = name.substring(prefix.length());
                    if (rest.contains("/") || e.isDirectory()) return null; // sub-folders: Flyway searches them too
                    names.add(rest);
                }
            }
        } catch (URISyntaxException e) {
            return null;
        }
        return names;
    }

    private static List<String> inFolder(URL folder) throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            List<Path> all = files.toList();
            if (all.stream().anyMatch(Files::isDirectory)) return null;
            return all.stream().map(p -> p.getFileName().toString()).toList();
        }
    }

    /** Flyway's checksum of a migration: CRC-32 of its UTF-8 lines without line breaks, a leading BOM left out. */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
        String line = reader.readLine();
        if (line != null && line.startsWith("\uFEFF")) line = line.substring(1);
        for (; line != null; line = reader.readLine()) crc.update(line.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    /** Reads the history over the connection and compares it with the carried migrations. */
    static Verdict check(Connection connection, List<Carried> carried) {
        Map<String, Carried> byScript = new HashMap<>();
        carried.forEach(c -> byScript.put(c.script(), c));
        Carried newest = carried.stream().max(Comparator.comparing(c -> version(c.version()), SchemaHistory::compare)).orElseThrow();
        int matched = 0;
        String applied = null;
        boolean newer = false, unexplained = false;
        try {
            // A new store has no history: asked first, so H2 logs no failed query (its trace file is created then,
            // after the store's files were made owner-only, and the next start warns about it).
            if (!hasHistory(connection)) return Verdict.ASK_FLYWAY;
        } catch (SQLException e) {
            return Verdict.ASK_FLYWAY;
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(HISTORY)) {
            while (rs.next()) {
                String version = rs.getString(1), type = rs.getString(3), script = rs.getString(4);
                if (version == null && ("SCHEMA".equals(type) || "TABLE".equals(type))) continue; // Flyway's own markers
                if (version == null || !rs.getBoolean(6)) return Verdict.ASK_FLYWAY;
                Carried c = byScript.remove(script);
                if (c != null && c.version().equals(version) && c.description().equals(rs.getString(2)) && "SQL".equals(type)
                        && rs.getObject(5) != null && rs.getInt(5) == c.checksum()) {
                    matched++;
                } else if (c == null && compare(version(version), version(newest.version())) > 0) {
                    newer = true;
                    if (applied == null || compare(version(version), version(applied)) > 0) applied = version;
                } else {
                    unexplained = true;
                }
            }
        } catch (SQLException | IllegalArgumentException e) {
            return Verdict.ASK_FLYWAY; // no history yet (a new store), or one this check does not read
        }
        if (unexplained || matched != carried.size()) return Verdict.ASK_FLYWAY;
        return newer ? new Verdict(Verdict.Kind.NEWER, applied, newest.version())
                : new Verdict(Verdict.Kind.CURRENT, newest.version(), newest.version());
    }

    private static boolean hasHistory(Connection connection) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), StoreTables.HISTORY, null)) {
            return rs.next();
        }
    }

    private static List<BigInteger> version(String v) {
        List<BigInteger> parts = new ArrayList<>();
        for (String p : v.split("\\.")) parts.add(new BigInteger(p));
        return parts;
    }

    /** Flyway's order of versions: part by part, missing parts counting as zero. */
    private static int compare(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int c = (i < a.size() ? a.get(i) : BigInteger.ZERO).compareTo(i < b.size() ? b.get(i) : BigInteger.ZERO);
            if (c != 0) return c;
        }
        return 0;
    }
}
