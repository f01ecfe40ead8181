package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.store.StoreLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which arguments open the desktop app, and on which store; the rest go to the command line. */
class StoreOptionsTest {
    @TempDir Path dir;

    @Test
    void noArgumentsOpenTheDefaultStore() {
        assertThat(StoreOptions.desktop(new String[0])).contains(StoreLocation.of(null, null));
    }

    @Test
    void homeAndDbInEitherFormOpenThatStore() {
        String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        assertThat(StoreOptions.desktop(new String[] {"--home", dir.toString()})).contains(StoreLocation.of(dir, null));
        assertThat(StoreOptions.desktop(new String[] {"--db=" + url, "--home=" + dir})).contains(StoreLocation.of(dir, url));
        assertThat(StoreOptions.desktop(new String[] {"--home", "elsewhere", "--home", dir.toString()}))
                .as("the last one given wins").contains(StoreLocation.of(dir, null));
    }

    @Test
    void aCommandOrAnyOtherArgumentIsForTheCommandLine() {
        assertThat(StoreOptions.desktop(new String[] {"--home", dir.toString(), "status"})).isEmpty();
        assertThat(StoreOptions.desktop(new String[] {"status"})).isEmpty();
        assertThat(StoreOptions.desktop(new String[] {"--user", "ann"})).isEmpty();
        assertThat(StoreOptions.desktop(new String[] {"--version"})).isEmpty();
        assertThat(StoreOptions.desktop(new String[] {"--home"})).as("a missing value is reported by the command line").isEmpty();
    }

    @Test
    void aBackupFileOpensTheDesktopOfferingToRestoreIt() {
        Path backup = dir.resolve("clinic backup.ODBACKUP");
        String[] doubleClicked = {backup.toString()};
        assertThat(StoreOptions.desktop(doubleClicked)).contains(StoreLocation.of(null, null));
        assertThat(StoreOptions.backupToRestore(doubleClicked)).contains(backup);
        String[] withHome = {"--home", dir.toString(), backup.toString()};
        assertThat(StoreOptions.desktop(withHome)).contains(StoreLocation.of(dir, null));
        assertThat(StoreOptions.backupToRestore(withHome)).contains(backup);
        assertThat(StoreOptions.backupToRestore(new String[0])).as("no file, nothing offered").isEmpty();
        assertThat(StoreOptions.desktop(new String[] {"notes.csv"})).as("only a backup, not any file").isEmpty();
        assertThat(StoreOptions.desktop(new String[] {backup.toString(), backup.toString()})).isEmpty();
        assertThat(StoreOptions.desktop(new String[] {"restore", backup.toString()})).as("the command").isEmpty();
    }

    @Test
    void theCommandLineStillTakesTheStoreOptionsAfterTheCommand() {
        StringWriter out = new StringWriter();
        int code = OutcomeDeskCli.run(new String[] {"status", "--home", dir.resolve("other").toString(), "--json"},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        assertThat(dir.resolve("other")).isDirectory();
    }
}
