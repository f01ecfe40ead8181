package com.outcomedesk.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Every table of a store as plain rows, for backups: read from one consistent snapshot, and written into a fresh
 * schema migrated to the version the rows came from. Works the same on H2 and PostgreSQL; the values are Java
 * objects of a few kinds ({@link Kind}), so a backup does not depend on the vendor it was taken from. Flyway's own
 * history is not a table of the store: a restore rebuilds it by migrating; nor are the monitor's tallies, which the
 * restored store counts again.
 */
public final class StoreTables {
    /** What a column holds, and the Java type its values have in a row. */
    public enum Kind {
        TEXT, LONG, INT, DOUBLE, DECIMAL, BOOLEAN, DATE, TIMESTAMP, TIMESTAMP_TZ, UUID, BYTES
    }

    public record Column(String name, Kind kind) {
    }

    /** A table: its lower-case name and columns; tables come in an order where every reference points back. */
    public record Table(String name, List<Column> columns) {
    }

    @FunctionalInterface
    public interface RowSink {
        void row(Object[] values) throws Exception;
    }

    /** Reads rows from one snapshot of the whole store. */
    public interface Snapshot {
        List<Table> tables();

        /** Streams a table's rows (in primary-key order, so two backups of the same data are alike); returns the count. */
        long rows(Table table, RowSink sink);

        /**
         * About how many rows the table holds, for progress: what the database keeps as its estimate, not a count. On
         * H2 an exact count inside a repeatable-read snapshot walks every row (a tenth of a backup's time).
         */
        long estimate(Table table);
    }

    @FunctionalInterface
    public interface SnapshotWork<T> {
        T apply(Snapshot snapshot) throws Exception;
    }

    static final String HISTORY = "flyway_schema_history";
    private static final int FETCH = 1000;
    private static final int BATCH = 1000;
    /** H2 keeps a transaction's changes in memory: a restore commits every so many rows to stay bounded. */
    private static final int COMMIT_EVERY = 50_000;

    private StoreTables() {
    }

    /**
     * Runs work over a read-only snapshot: one connection, one repeatable-read transaction, so that rows written
     * meanwhile (the desktop keeps working during a backup) are either all in it or all out of it.
     */
    public static <T> T snapshot(Database database, SnapshotWork<T> work) {
        // Only reads: committing at the end is as good as rolling back; the pool restores the isolation level.
        return database.jdbcTransaction(c -> {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                List<Table> tables = tables(c);
                Snapshot snapshot = new Snapshot() {
                    @Override
                    public List<Table> tables() {
                        return tables;
                    }

                    @Override
                    public long rows(Table table, RowSink sink) {
                        try {
                            return read(c, table, sink);
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new StoreException("Cannot read table " + table.name() + ": " + Database.rootMessage(e), e);
                        }
                    }

                    @Override
                    public long estimate(Table table) {
                        try {
                            return StoreTables.estimate(c, table.name());
                        } catch (SQLException e) {
                            throw new StoreException("Cannot count table " + table.name() + ": " + Database.rootMessage(e), e);
                        }
                    }
                };
                return work.apply(snapshot);
            } catch (SQLException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new StoreException(Database.rootMessage(e), e);
            }
        });
    }

    private static long read(Connection c, Table table, RowSink sink) throws Exception {
        List<Column> columns = table.columns();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) sql.append(i == 0 ? "" : ", ").append(quote(c, columns.get(i).name()));
        sql.append(" FROM ").append(quote(c, table.name()));
        List<String> key = primaryKey(c, table.name());
        if (!key.isEmpty()) {
            sql.append(" ORDER BY ");
            for (int i = 0; i < key.size(); i++) sql.append(i == 0 ? "" : ", ").append(quote(c, key.get(i)));
        }
        long n = 0;
        try (Statement s = c.createStatement()) {
            s.setFetchSize(FETCH);
            try (ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) row[i] = get(rs, i + 1, columns.get(i).kind());
                    sink.row(row);
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * A fresh store being filled from a backup: the schema migrated to the backup's version, the rows the
     * migrations seeded removed (the backup holds the seeded rows it kept), then filled table by table and
     * migrated to this program's newest version. For PostgreSQL, everything runs in one transaction, so a
     * restore that fails or is killed leaves the schema empty.
     */
    public static final class Loader implements AutoCloseable {
        private final Connection connection;
        private final Vendor vendor;
        private final String url;
        private final String user;
        private final String password;
        private final Map<String, Table> tables = new LinkedHashMap<>();
        private final List<String> deferredIndexes = new ArrayList<>();
        private final boolean buildIndexes;

        private Loader(String url, String user, String password, Connection connection, boolean buildIndexes) {
            this.buildIndexes = buildIndexes;
            this.url = url;
            this.user = user;
            this.password = password;
            this.connection = connection;
            this.vendor = Vendor.of(url);
        }

        /** Opens the empty store at the location and prepares it for the rows of a backup of schema version. */
        public static Loader open(StoreLocation location, String schemaVersion) {
            return open(location, schemaVersion, false);
        }

        /**
         * Opens a trial restore's store (deleted once checked): {@link #finish} then builds the indexes set aside only
         * when a migration is left to run, which may need them. None is unique, so no row can make building one fail,
         * and they hold nothing of the backup; on a million appointments they are half the restore's time.
         */
        public static Loader openTrial(StoreLocation location, String schemaVersion) {
            return open(location, schemaVersion, true);
        }

        private static Loader open(StoreLocation location, String schemaVersion, boolean trial) {
            // No WRITE_DELAY=0 here: the restore is written aside and moved in place only once whole and closed.
            String url = location.jdbcUrl();
            // Flyway passes a missing user on as "null"; H2 then misreads an encrypted store's "filekey password".
            String user = location.user() == null ? "" : location.user();
            try {
                migrate(url, user, location.password(), schemaVersion);
                StoreFiles.secure(location); // H2 made the file by the umask; opening it later would warn of that
                Connection c = DriverManager.getConnection(url, user, location.password());
                Loader loader = new Loader(url, user, location.password(), c,
                        !trial || newer(newestSchemaVersion(), schemaVersion));
                try {
                    c.setAutoCommit(false);
                    for (Table t : StoreTables.tables(c)) loader.tables.put(t.name(), t);
                    List<Table> reverse = new ArrayList<>(loader.tables.values());
                    java.util.Collections.reverse(reverse);
                    try (Statement s = c.createStatement()) {
                        for (Table t : reverse) s.executeUpdate("DELETE FROM " + quote(c, t.name()));
                    }
                    if (loader.vendor == Vendor.H2) {
                        loader.deferIndexes();
                        c.commit();
                    }
                    return loader;
                } catch (SQLException | RuntimeException e) {
                    c.close();
                    throw e;
                }
            } catch (SQLException e) {
                throw Database.cannotOpen(location, e);
            }
        }

        /** Whether the store at the location holds any table of ours already (then it is not a place to restore into). */
        public static boolean holdsTables(StoreLocation location) {
            try (Connection c = DriverManager.getConnection(location.jdbcUrl(), location.user(), location.password())) {
                return !StoreTables.tables(c).isEmpty();
            } catch (SQLException e) {
                throw Database.cannotOpen(location, e);
            }
        }

        public Map<String, Table> tables() {
            return tables;
        }

        /** Inserts rows whose values follow the columns named (a subset or reordering of the table's). */
        public Inserter into(String table, List<String> columnNames) {
            Table t = tables.get(table);
            if (t == null) throw new StoreException("The schema has no table " + table + ".");
            List<Kind> kinds = new ArrayList<>();
            for (String name : columnNames) {
                kinds.add(t.columns().stream().filter(col -> col.name().equals(name)).findFirst()
                        .orElseThrow(() -> new StoreException("Table " + table + " has no column " + name + "."))
                        .kind());
            }
            try {
                StringBuilder sql = new StringBuilder("INSERT INTO ").append(quote(connection, table)).append(" (");
                for (int i = 0; i < columnNames.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append(quote(connection, columnNames.get(i)));
                }
                sql.append(") VALUES (").append("?, ".repeat(Math.max(0, columnNames.size() - 1)))
                        .append(columnNames.isEmpty() ? "" : "?").append(")");
                return new Inserter(connection.prepareStatement(sql.toString()), kinds, vendor == Vendor.H2);
            } catch (SQLException e) {
                throw new StoreException("Cannot write table " + table + ": " + Database.rootMessage(e), e);
            }
        }

        public long count(String table) {
            try {
                return StoreTables.count(connection, table);
            } catch (SQLException e) {
                throw new StoreException("Cannot count table " + table + ": " + Database.rootMessage(e), e);
            }
        }

        /**
         * H2 copies every index page a row changes, so loading a million rows into a table with eight indexes in random
         * key order wrote gigabytes; an index built once over the loaded rows is written in key order. The plain indexes
         * (not those behind keys and constraints) are dropped here and created again, as they were, by {@link #finish}.
         * When they will be built, an index led by its table's key stays: a backup holds each table in key order, so
         * every row goes at that index's end, as cheaply as into the key's own index, where building it afterwards
         * would read every row once more (a ninth of a million appointments' index builds).
         */
        private void deferIndexes() throws SQLException {
            Map<String, String> plain = SetAsideIndexes.plainIndexes(connection, null);
            if (buildIndexes) plain.keySet().removeAll(SetAsideIndexes.ledByPrimaryKey(connection));
            deferredIndexes.addAll(plain.values());
            try (Statement s = connection.createStatement()) {
                for (String name : plain.keySet()) s.execute("DROP INDEX " + name);
            }
        }

        /** Told before each index {@link #finish} builds (numbered from 0), and with {@code built == of} before it migrates. */
        @FunctionalInterface
        public interface Steps {
            void next(int built, int of);
        }

        /**
         * Commits the rows, builds the indexes set aside (a trial's only when it migrates, see {@link #openTrial}), and
         * migrates the schema to this program's newest version. On a million rows the builds take most of a restore,
         * so each is a step to show (and, where the listener can throw to cancel, a point to stop at).
         */
        public void finish(Steps steps) {
            try {
                connection.commit();
                int of = buildIndexes ? deferredIndexes.size() : 0;
                if (buildIndexes) {
                    try (Statement s = connection.createStatement()) {
                        for (int i = 0; i < of; i++) {
                            steps.next(i, of);
                            s.execute(deferredIndexes.get(i));
                        }
                    }
                    connection.commit();
                }
                steps.next(of, of);
                migrate(url, user, password, null);
            } catch (SQLException e) {
                throw new StoreException("Cannot commit the restored rows: " + Database.rootMessage(e), e);
            }
        }

        @Override
        public void close() {
            try {
                if (!connection.getAutoCommit()) connection.rollback();
                connection.close();
            } catch (SQLException e) {
                // closing after a failure: the failure is the one to report
            }
        }

        private static void migrate(String url, String user, String password, String target) {
            // Through Hikari, as the store opens: Flyway's own data source trims an encrypted store's "filekey " password.
            com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
            pool.setJdbcUrl(url);
            pool.setUsername(user);
            pool.setPassword(password);
            pool.setMaximumPoolSize(3);
            try (com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource(pool)) {
                var config = Flyway.configure().dataSource(dataSource).locations(Vendor.of(url).migrationLocations())
                        .placeholders(Vendor.of(url).migrationPlaceholders());
                if (target != null) config.target(target);
                config.load().migrate();
            } catch (FlywayException e) {
                throw new StoreException("The restored schema could not be brought up to date: " + Database.rootMessage(e), e);
            }
        }
    }

    /** Batched inserts into one table; H2 commits every {@value StoreTables#COMMIT_EVERY} rows (the restore is written aside, then moved in place). */
    public static final class Inserter implements AutoCloseable {
        private final PreparedStatement statement;
        private final List<Kind> kinds;
        private final boolean commitBatches;
        private int pending;
        private int uncommitted;

        private Inserter(PreparedStatement statement, List<Kind> kinds, boolean commitBatches) {
            this.statement = statement;
            this.kinds = kinds;
            this.commitBatches = commitBatches;
        }

        public void add(Object[] values) {
            try {
                for (int i = 0; i < values.length; i++) set(statement, i + 1, kinds.get(i), values[i]);
                statement.addBatch();
                if (++pending >= BATCH) flush();
            } catch (SQLException e) {
                throw new StoreException("Cannot write a restored row: " + Database.rootMessage(e), e);
            }
        }

        private void flush() throws SQLException {
            if (pending == 0) return;
            statement.executeBatch();
            uncommitted += pending;
            pending = 0;
            if (commitBatches && uncommitted >= COMMIT_EVERY) {
                statement.getConnection().commit();
                uncommitted = 0;
            }
        }

        @Override
        public void close() {
            try {
                flush();
                statement.close();
            } catch (SQLException e) {
                throw new StoreException("Cannot write restored rows: " + Database.rootMessage(e), e);
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quote(c, table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long estimate(Connection c, String table) throws SQLException {
        String sql = Vendor.of(c) == Vendor.H2
                ? "SELECT ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = ?"
                : "SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass(quote_ident(?))";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, c.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The newest schema version this program's migrations reach. */
    public static String newestSchemaVersion() {
        var info = Flyway.configure().dataSource("jdbc:h2:mem:newest-schema-" + UUID.randomUUID(), "", "")
                .locations(Vendor.H2.migrationLocations()).placeholders(Vendor.H2.migrationPlaceholders()).load().info();
        org.flywaydb.core.api.MigrationVersion newest = null;
        for (var m : info.all()) {
            if (m.getVersion() != null && (newest == null || m.getVersion().isNewerThan(newest.getVersion()))) newest = m.getVersion();
        }
        return newest == null ? null : newest.getVersion();
    }

    /** Whether schema version a is newer than b (Flyway's order: 10 after 9). */
    public static boolean newer(String a, String b) {
        return org.flywaydb.core.api.MigrationVersion.fromVersion(a).isNewerThan(b);
    }

    /** The store's tables (not Flyway's history) in reference order: a table comes after those it refers to. */
    private static List<Table> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                // the monitor's tallies are derived from the rows: a restored store counts them again
                boolean derived = name.toLowerCase(java.util.Locale.ROOT).startsWith(MonitorTallies.TABLE_PREFIX);
                if (!name.equalsIgnoreCase(HISTORY) && !derived) names.add(name);
            }
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        Map<String, Set<String>> refersTo = new LinkedHashMap<>();
        for (String name : names) {
            Set<String> targets = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, name)) {
                while (rs.next()) {
                    String target = rs.getString("PKTABLE_NAME");
                    if (!target.equalsIgnoreCase(name)) targets.add(target);
                }
            }
            refersTo.put(name, targets);
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < names.size()) {
            boolean progressed = false;
            for (String name : names) {
                if (!ordered.contains(name) && ordered.containsAll(refersTo.get(name))) {
                    ordered.add(name);
                    progressed = true;
                }
            }
            if (!progressed) throw new StoreException("The store's tables refer to each other in a cycle.");
        }
        List<Table> tables = new ArrayList<>();
        for (String name : ordered) tables.add(new Table(name.toLowerCase(Locale.ROOT), columns(c, name)));
        return tables;
    }

    private static List<Column> columns(Connection c, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + quote(c, table) + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(new Column(meta.getColumnName(i).toLowerCase(Locale.ROOT),
                        kind(table, meta.getColumnName(i), meta.getColumnType(i), meta.getColumnTypeName(i))));
            }
        }
        return columns;
    }

    private static List<String> primaryKey(Connection c, String table) throws SQLException {
        Map<Short, String> key = new java.util.TreeMap<>();
        String actual = c.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, c.getSchema(), actual)) {
            while (rs.next()) key.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
        return List.copyOf(key.values());
    }

    static Kind kind(String table, String column, int type, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (name.equals("uuid")) return Kind.UUID;
        if (name.equals("timestamptz") || name.contains("with time zone")) return Kind.TIMESTAMP_TZ;
        return switch (type) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR,
                    Types.LONGNVARCHAR, Types.NCLOB -> Kind.TEXT;
            case Types.BIGINT -> Kind.LONG;
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Kind.INT;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> Kind.DOUBLE;
            case Types.NUMERIC, Types.DECIMAL -> Kind.DECIMAL;
            case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
            case Types.DATE -> Kind.DATE;
            case Types.TIMESTAMP -> Kind.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMP_TZ;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Kind.BYTES;
            default -> throw new StoreException("Column " + table + "." + column + " has a type a backup cannot hold: "
                    + typeName + ".");
        };
    }

    private static Object get(ResultSet rs, int i, Kind kind) throws SQLException {
        Object value = switch (kind) {
            case TEXT -> rs.getString(i);
            case LONG -> rs.getLong(i);
            case INT -> rs.getInt(i);
            case DOUBLE -> rs.getDouble(i);
            case DECIMAL -> rs.getBigDecimal(i);
            case BOOLEAN -> rs.getBoolean(i);
            case DATE -> rs.getObject(i, LocalDate.class);
            case TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
            case TIMESTAMP_TZ -> rs.getObject(i, OffsetDateTime.class);
            case UUID -> rs.getObject(i, UUID.class);
            case BYTES -> rs.getBytes(i);
        };
        return rs.wasNull() ? null : value;
    }

    private static void set(PreparedStatement s, int i, Kind kind, Object value) throws SQLException {
        if (value == null) {
            s.setNull(i, switch (kind) {
                case TEXT -> Types.VARCHAR;
                case LONG -> Types.BIGINT;
                case INT -> Types.INTEGER;
                case DOUBLE -> Types.DOUBLE;
                case DECIMAL -> Types.DECIMAL;
                case BOOLEAN -> Types.BOOLEAN;
                case DATE -> Types.DATE;
                case TIMESTAMP -> Types.TIMESTAMP;
                case TIMESTAMP_TZ -> Types.TIMESTAMP_WITH_TIMEZONE;
                case UUID -> Types.OTHER;
                case BYTES -> Types.BINARY;
            });
        } else if (kind == Kind.BYTES) {
            s.setBytes(i, (byte[]) value);
        } else if (kind == Kind.DECIMAL) {
            s.setBigDecimal(i, (BigDecimal) value);
        } else {
            s.setObject(i, value);
        }
    }

    private static String quote(Connection c, String identifier) throws SQLException {
        boolean upper = c.getMetaData().storesUpperCaseIdentifiers();
        String actual = upper ? identifier.toUpperCase(Locale.ROOT) : identifier.toLowerCase(Locale.ROOT);
        return "\"" + actual.replace("\"", "\"\"") + "\"";
    }
}
