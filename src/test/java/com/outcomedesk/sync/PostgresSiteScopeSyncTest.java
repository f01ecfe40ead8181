package com.outcomedesk.sync;

import com.outcomedesk.testing.NeedsPostgres;

/** {@link SiteScopeSyncTest} with the OutcomeDesk Server's store on PostgreSQL, as a network's server runs. */
@NeedsPostgres
class PostgresSiteScopeSyncTest extends SiteScopeSyncTest {
    @Override
    boolean postgres() {
        return true;
    }
}
