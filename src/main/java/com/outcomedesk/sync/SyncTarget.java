package com.outcomedesk.sync;

import java.sql.SQLException;

/** Where one sync run goes: its name in reports, and how to reach the server's side of the protocol. */
interface SyncTarget {
    String displayName();

    ServerSide open() throws SQLException;

    static SyncTarget direct(ServerConfig config) {
        return new SyncTarget() {
            @Override
            public String displayName() {
                return config.displayName();
            }

            @Override
            public ServerSide open() throws SQLException {
                return JdbcServerSide.open(config);
            }
        };
    }
}
