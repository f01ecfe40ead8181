package com.outcomedesk.sync;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Holds the sync catalogue ({@link SyncTable}) against a schema as the database describes it (JDBC metadata): every
 * synced column exists with a type its {@link SyncColumn.Type} moves without loss, every local column exists, and
 * every column of a synced table is one or the other.
 */
final class CatalogueCheck {
    private CatalogueCheck() {
    }

    /** One column as the database reports it. */
    record DbColumn(int jdbcType, String typeName) {
        @Override
        public String toString() {
            return typeName + " (JDBC " + jdbcType + ")";
        }
    }

    /** Every disagreement between the catalogue and the schema of the connection, in words; empty when none. */
    static List<String> problems(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (SyncTable table : SyncTable.ALL) {
            Map<String, DbColumn> schema = columns(c, table.name());
            if (schema.isEmpty()) {
                problems.add(table.name() + ": no such table");
                continue;
            }
            for (SyncColumn column : table.columns()) {
                DbColumn db = schema.get(column.name());
                if (db == null) problems.add(table.name() + "." + column.name() + ": synced, but not in the schema");
                else if (!compatible(column.type(), db)) {
                    problems.add(table.name() + "." + column.name() + ": synced as " + column.type() + ", but the schema has " + db);
                }
                if (table.localColumns().containsKey(column.name())) {
                    problems.add(table.name() + "." + column.name() + ": both synced and local");
                }
            }
            for (String local : table.localColumns().keySet()) {
                if (!schema.containsKey(local)) problems.add(table.name() + "." + local + ": listed as local, but not in the schema");
            }
            for (String name : schema.keySet()) {
                boolean synced = table.columns().stream().anyMatch(col -> col.name().equals(name));
                if (!synced && !table.localColumns().containsKey(name)) {
                    problems.add(table.name() + "." + name + ": in the schema, but neither synced nor listed as local "
                            + "(decide in SyncTable)");
                }
            }
        }
        return problems;
    }

    /** The table's columns in the connection's current schema, by lower-case name. */
    private static Map<String, DbColumn> columns(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String pattern = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        Map<String, DbColumn> found = new LinkedHashMap<>();
        try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), pattern, "%")) {
            while (rs.next()) {
                found.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        new DbColumn(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")));
            }
        }
        return found;
    }

    /** Whether values of the sync type survive a round trip through the column (H2 and PostgreSQL names differ). */
    static boolean compatible(SyncColumn.Type type, DbColumn db) {
        String name = db.typeName().toLowerCase(Locale.ROOT);
        return switch (type) {
            case UUID -> name.equals("uuid");
            case TEXT -> Set.of(Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR, Types.NCLOB)
                    .contains(db.jdbcType());
            case DATE -> db.jdbcType() == Types.DATE;
            // With the time zone: PostgreSQL reports timestamptz as TIMESTAMP by its JDBC number.
            case TIMESTAMP -> db.jdbcType() == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("timestamptz");
            case LONG -> db.jdbcType() == Types.BIGINT;
            case INT -> db.jdbcType() == Types.INTEGER;
            case BOOL -> db.jdbcType() == Types.BOOLEAN || name.equals("bool");
            case DOUBLE -> db.jdbcType() == Types.DOUBLE || name.equals("float8");
            case BYTES -> Set.of(Types.VARBINARY, Types.BINARY, Types.LONGVARBINARY, Types.BLOB).contains(db.jdbcType());
        };
    }
}
