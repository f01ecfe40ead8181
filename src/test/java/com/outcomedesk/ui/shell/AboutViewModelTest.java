package com.outcomedesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.AppVersion;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.ui.ScriptedDialogs;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help > About names the build's version, the store and the sync server, never the server's password. */
class AboutViewModelTest {
    @TempDir Path dir;

    @Test
    void namesTheVersionTheStoreAndTheSyncServerOnceOneIsSet() {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            ScriptedDialogs dialogs = new ScriptedDialogs();
            MainViewModel main = new MainViewModel(engine, Actor.localUser(), new DirectBackground(), dialogs);
            AtomicReference<AboutViewModel> shown = new AtomicReference<>();

            main.about(shown::set);
            assertThat(shown.get().header()).isEqualTo("OutcomeDesk " + AppVersion.current());
            assertThat(shown.get().text()).contains("Version: " + AppVersion.current(),
                    "Store: " + engine.database().location().displayName(),
                    "Syncs with: no server (Sync > Sync settings... connects one)");

            engine.sync().configure("jdbc:postgresql://db.clinic.example:6543/outcomes?sslmode=require", "site_a",
                    "secret horse battery", Actor.localUser());
            main.about(shown::set);
            assertThat(shown.get().text()).contains("Syncs with: PostgreSQL server db.clinic.example:6543 / database outcomes")
                    .doesNotContain("secret horse battery").doesNotContain("no server");
            assertThat(dialogs.errors).isEmpty();
        }
    }

    @Test
    void aStoreOnTheSharedServerSaysNothingAboutSyncing() {
        AboutViewModel about = new AboutViewModel("1.2.3", "PostgreSQL server db / database outcomes", true,
                java.util.Optional.empty(), "17.0.9", "21.0.2");
        assertThat(about.text()).isEqualTo("Learns from your clinic's own appointment notes.\n\nVersion: 1.2.3\n"
                + "Store: PostgreSQL server db / database outcomes\nJava 17.0.9, JavaFX 21.0.2");
    }
}
