package com.outcomedesk.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One synced column and how to move its value between H2 and PostgreSQL without vendor surprises. */
record SyncColumn(String name, Type type) {

    enum Type {
        UUID(Types.OTHER), TEXT(Types.VARCHAR), DATE(Types.DATE), TIMESTAMP(Types.TIMESTAMP_WITH_TIMEZONE),
        LONG(Types.BIGINT), INT(Types.INTEGER), BOOL(Types.BOOLEAN), DOUBLE(Types.DOUBLE), BYTES(Types.VARBINARY);

        final int sqlType;

        Type(int sqlType) {
            this.sqlType = sqlType;
        }
    }

    Object read(ResultSet rs, int index) throws SQLException {
        Object value = switch (type) {
            case UUID -> rs.getObject(index, java.util.UUID.class);
            case TEXT -> rs.getString(index);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIMESTAMP -> rs.getObject(index, OffsetDateTime.class);
            case LONG -> rs.getLong(index);
            case INT -> rs.getInt(index);
            case BOOL -> rs.getBoolean(index);
            case DOUBLE -> rs.getDouble(index);
            case BYTES -> rs.getBytes(index);
        };
        return rs.wasNull() ? null : value;
    }

    void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            // PostgreSQL wants a concrete type for a NULL UUID; H2 accepts either.
            ps.setNull(index, type == Type.UUID ? Types.OTHER : type.sqlType);
        } else if (type == Type.BYTES) {
            ps.setBytes(index, (byte[]) value);
        } else if (type == Type.UUID) {
            ps.setObject(index, (UUID) value);
        } else {
            ps.setObject(index, value);
        }
    }
}
