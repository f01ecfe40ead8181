package com.outcomedesk.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.sync.ServerConfig;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sync settings as fields a clinic administrator understands, tested against the real PostgreSQL server. */
@NeedsPostgres
class SyncSettingsViewModelTest {
    static final Actor ADMIN = new Actor("alice", Role.ADMINISTRATOR);
    @TempDir Path dir;

    @Test
    void fieldsExplainWhatIsMissingAndBuildTheServerAddress() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            SyncSettingsViewModel vm = new SyncSettingsViewModel(engine.sync(), ADMIN, Runnable::run, Runnable::run);
            assertThat(vm.modeProperty().get()).as("recommended first").isEqualTo(SyncSettingsViewModel.Mode.SERVER);
            vm.modeProperty().set(SyncSettingsViewModel.Mode.DIRECT);
            assertThat(vm.problemsProperty().get()).contains("Enter the server's host name or address")
                    .contains("Enter the user name");
            vm.hostProperty().set("db clinic");
            vm.portProperty().set("54x");
            vm.userProperty().set("desk");
            assertThat(vm.problemsProperty().get()).isEqualTo("The host \"db clinic\" is not a host name or address; use "
                    + "letters, digits, dots and hyphens, e.g. db.clinic.local or 10.0.0.5. The port is a number from 1 "
                    + "to 65535; PostgreSQL usually uses 5432.");
            assertThat(vm.save()).isFalse();
            assertThat(vm.errorProperty().get()).isEqualTo(vm.problemsProperty().get()).doesNotContain("jdbc");

            vm.hostProperty().set("db.clinic.local");
            vm.portProperty().set("5433");
            vm.passwordProperty().set("s3cret");
            assertThat(vm.problemsProperty().get()).isEmpty();
            assertThat(vm.save()).isTrue();
            ServerConfig saved = engine.sync().config().orElseThrow();
            assertThat(saved.url()).isEqualTo("jdbc:postgresql://db.clinic.local:5433/outcomedesk?sslmode=verify-full");
            assertThat(saved.user()).isEqualTo("desk");
            assertThat(saved.password()).isEqualTo("s3cret");
            assertThat(vm.passwordNote()).startsWith("This store is not encrypted: the password is kept in a file beside it");
            assertThat(vm.currentServer()).isEqualTo("PostgreSQL server db.clinic.local:5433 / database outcomedesk (direct)");
            assertThat(vm.header()).isEqualTo("How this site syncs with the other sites\nNow: PostgreSQL server "
                    + "db.clinic.local:5433 / database outcomedesk (direct)");

            SyncSettingsViewModel again = new SyncSettingsViewModel(engine.sync(), ADMIN, Runnable::run, Runnable::run);
            assertThat(again.modeProperty().get()).isEqualTo(SyncSettingsViewModel.Mode.DIRECT);
            assertThat(again.hostProperty().get()).isEqualTo("db.clinic.local");
            assertThat(again.portProperty().get()).isEqualTo("5433");
            assertThat(again.tlsProperty().get()).isTrue();
            assertThat(again.passwordProperty().get()).isEqualTo("s3cret");
        }
    }

    @Test
    void testConnectionSaysInWordsWhatItFound() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            SyncSettingsViewModel vm = new SyncSettingsViewModel(engine.sync(), ADMIN, Runnable::run, Runnable::run);
            vm.hostProperty().set("127.0.0.1");
            vm.databaseProperty().set("test");
            vm.userProperty().set(TestStores.PG_USER);
            vm.tlsProperty().set(false);
            vm.testConnection();
            assertThat(vm.testOkProperty().get()).isTrue();
            assertThat(vm.testResultProperty().get()).startsWith("Connected: the server 127.0.0.1 port 5432 answered");

            vm.databaseProperty().set("no_such_database_here");
            assertThat(result(vm)).isEqualTo("The server 127.0.0.1 port 5432 answered, but it has no database named "
                    + "no_such_database_here; check the name, or ask the server's administrator to create it.");
            vm.databaseProperty().set("test");
            vm.userProperty().set("nobody_of_ours");
            assertThat(result(vm)).isEqualTo("The server 127.0.0.1 port 5432 refused the user name or password; check "
                    + "both with the server's administrator.");
            vm.userProperty().set(TestStores.PG_USER);
            vm.portProperty().set("1");
            assertThat(result(vm)).startsWith("Nothing answered at 127.0.0.1 port 1; check the host and port");
            vm.portProperty().set("5432");
            vm.hostProperty().set("no-such-host.invalid");
            assertThat(result(vm)).isEqualTo("No computer named no-such-host.invalid was found; check the host name and the network.");
            vm.hostProperty().set("127.0.0.1");
            vm.tlsProperty().set(true);
            assertThat(result(vm)).startsWith("The server 127.0.0.1 port 5432 answered, but a checked TLS connection "
                    + "could not be made");
            assertThat(engine.sync().config()).as("testing saves nothing").isEmpty();
        }
    }

    private static String result(SyncSettingsViewModel vm) {
        assertThat(vm.testOkProperty().get()).as("a changed field clears the last result").isNull();
        vm.testConnection();
        assertThat(vm.testOkProperty().get()).isFalse();
        assertThat(vm.testResultProperty().get()).doesNotContain("jdbc").doesNotContain("SQL").doesNotContain("Exception");
        return vm.testResultProperty().get();
    }

    @Test
    void enrollingWithTheServerStoresTheSitesCredentialAndSwitchesToIt() {
        try (Engine hub = Engine.open(TestStores.h2(dir.resolve("server")));
             com.outcomedesk.server.ApiServer server = com.outcomedesk.server.ApiServer.start(hub,
                     com.outcomedesk.server.ServerOptions.loopbackHttp(0));
             Engine site = Engine.open(TestStores.h2(dir.resolve("site")))) {
            SyncSettingsViewModel vm = new SyncSettingsViewModel(site.sync(), ADMIN, Runnable::run, Runnable::run);
            assertThat(vm.save()).isFalse();
            assertThat(vm.errorProperty().get()).startsWith("Enrol with the server first");
            vm.serverUrlProperty().set("http://127.0.0.1:" + server.port());
            vm.codeProperty().set("WRONG-CODE0-00000-00000");
            vm.enroll();
            assertThat(vm.enrollOkProperty().get()).isFalse();
            assertThat(vm.enrollResultProperty().get()).contains("not known to the server");

            vm.codeProperty().set(hub.sync().sites().add("clinic-north", ADMIN).code());
            vm.enroll();
            assertThat(vm.enrollOkProperty().get()).as(vm.enrollResultProperty().get()).isTrue();
            assertThat(vm.enrollResultProperty().get()).startsWith("Enrolled as site clinic-north");
            assertThat(vm.codeProperty().get()).as("a used code is cleared").isEmpty();
            assertThat(vm.save()).isTrue();
            assertThat(site.sync().viaServer()).isTrue();
            assertThat(new SyncSettingsViewModel(site.sync(), ADMIN, Runnable::run, Runnable::run).currentServer())
                    .isEqualTo("127.0.0.1:" + server.port() + " (OutcomeDesk Server), as site clinic-north");
            assertThat(site.sync().sync(1).complete()).isTrue();
        }
    }

    @Test
    void aConnectionTestsResultIsStyledPassedOrFailedAndUnstyledBeforeATest() {
        assertThat(SyncSettingsViewModel.testStyle(true)).contains("test-ok");
        assertThat(SyncSettingsViewModel.testStyle(false)).contains("test-failed");
        assertThat(SyncSettingsViewModel.testStyle(null)).isEmpty();
        assertThat(SyncSettingsViewModel.TEST_STYLES).containsExactlyInAnyOrder("test-ok", "test-failed");
    }
}
