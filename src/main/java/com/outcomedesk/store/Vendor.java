package com.outcomedesk.store;

import java.util.Map;

/** The two databases the store runs on, and the SQL types that differ between them. */
public enum Vendor {
    H2("CHARACTER VARYING", "BINARY VARYING"),
    POSTGRESQL("TEXT", "BYTEA");

    private final String clobType;
    private final String blobType;

    Vendor(String clobType, String blobType) {
        this.clobType = clobType;
        this.blobType = blobType;
    }

    public static Vendor of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) return H2;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new StoreException("Unsupported database URL '" + jdbcUrl
                + "': use jdbc:h2:... for a local store or jdbc:postgresql://host/db for a shared server");
    }

    /** The database an open connection talks to, by the name its driver reports. */
    public static Vendor of(java.sql.Connection c) throws java.sql.SQLException {
        String name = c.getMetaData().getDatabaseProductName();
        if ("H2".equals(name)) return H2;
        if ("PostgreSQL".equals(name)) return POSTGRESQL;
        throw new StoreException("Unsupported database '" + name + "': the store runs on H2 or PostgreSQL");
    }

    /**
     * Where the Flyway migrations are: the shared ones, and this vendor's own (the monitor's triggers, which H2 writes
     * in Java and PostgreSQL in PL/pgSQL).
     */
    public String[] migrationLocations() {
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + name().toLowerCase(java.util.Locale.ROOT)};
    }

    /** Placeholders substituted into the Flyway migrations. */
    public Map<String, String> migrationPlaceholders() {
        return Map.of("clob", clobType, "blob", blobType);
    }
}
