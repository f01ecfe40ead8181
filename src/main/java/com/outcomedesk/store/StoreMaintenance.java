package com.outcomedesk.store;

import java.nio.file.Path;

/** Work on the store as a whole rather than on its rows. */
public final class StoreMaintenance {
    private final Database database;

    public StoreMaintenance(Database database) {
        this.database = database;
    }

    /**
     * Copies a whole embedded H2 store into a zip with H2's online BACKUP, which is consistent while the store is in
     * use. H2 takes the file name only as a literal, so it is quoted here.
     */
    public void backupTo(Path zip) {
        database.jdbi(h -> h.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'"));
    }
}
