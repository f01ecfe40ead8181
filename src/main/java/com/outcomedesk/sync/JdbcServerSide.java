package com.outcomedesk.sync;

import java.sql.SQLException;
import java.util.List;

/** The advanced mode: the site connects to the shared PostgreSQL itself and runs {@link ServerRules} there. */
final class JdbcServerSide implements ServerSide {
    private final ServerLink link;

    private JdbcServerSide(ServerLink link) {
        this.link = link;
    }

    static JdbcServerSide open(ServerConfig config) throws SQLException {
        return new JdbcServerSide(ServerLink.open(config, 5));
    }

    @Override
    public String serverId() {
        return link.serverId();
    }

    @Override
    public void numberDirectWrites() throws SQLException {
        DirectServerWrites.number(link.connection());
    }

    @Override
    public long committed() throws SQLException {
        long upTo = ServerCounter.committed(link.connection());
        link.connection().commit();
        return upTo;
    }

    @Override
    public AppointmentOutcome pushAppointments(List<AppointmentOffer> rows) throws SQLException {
        return ServerRules.pushAppointments(link.connection(), rows);
    }

    @Override
    public AppendOutcome pushAppendOnly(SyncTable table, List<SyncRow> rows) throws SQLException {
        return ServerRules.pushAppendOnly(link.connection(), table, rows);
    }

    @Override
    public PushResult pushMappings(List<MappingOffer> rows) throws SQLException {
        return ServerRules.pushMappings(link.connection(), rows);
    }

    @Override
    public List<SyncRow> page(SyncTable table, long mark, long upTo, int limit) throws SQLException {
        return ServerSql.page(link.connection(), table, mark, upTo, limit);
    }

    @Override
    public void close() {
        link.close();
    }
}
