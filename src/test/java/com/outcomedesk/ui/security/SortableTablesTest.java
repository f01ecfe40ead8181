package com.outcomedesk.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.audit.AuditEntry;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.security.UserAccount;
import com.outcomedesk.testing.NeedsFxToolkit;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Users and Audit trail tables sort by the column clicked, numbers and times in their own order, across reloads. */
@NeedsFxToolkit
class SortableTablesTest {
    @TempDir Path dir;

    @BeforeAll
    static void toolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // another test started it
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void usersSortByFailedSignInsAsNumbersAndStaySortedAfterAReload() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            Actor admin = engine.accounts().createFirstAdministrator("alice", "river stone lantern".toCharArray());
            engine.accounts().create("bob", Role.CLINICIAN, "quiet meadow 42".toCharArray(), admin);
            engine.accounts().create("carol", Role.CLINICIAN, "tulip garden secret".toCharArray(), admin);
            setFailures(engine, "bob", 10);
            setFailures(engine, "carol", 2);
            UsersViewModel vm = new UsersViewModel(engine.accounts(), admin);
            Parent view = onFx(() -> UsersView.create(vm));
            TableView<UserAccount> table = (TableView<UserAccount>) view.lookup("#usersTable");
            onFx(() -> {
                TableColumn<UserAccount, ?> failed = column(table, "Failed sign-ins");
                failed.setSortType(TableColumn.SortType.DESCENDING);
                table.getSortOrder().setAll(failed);
                return null;
            });
            assertThat(onFx(() -> names(table))).containsExactly("bob", "carol", "alice");

            engine.accounts().create("dave", Role.CLINICIAN, "amber harbour light".toCharArray(), admin);
            setFailures(engine, "dave", 3);
            onFx(() -> {
                vm.refresh();
                return null;
            });
            assertThat(onFx(() -> names(table))).as("the sort order survives a reload").containsExactly("bob", "dave", "carol", "alice");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void auditEntriesSortByTimeAndBySiteThenNumber() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            Actor admin = engine.accounts().createFirstAdministrator("alice", "river stone lantern".toCharArray());
            for (int i = 0; i < 11; i++) engine.audit().record(admin, "test.op", "appointment", "n" + i, null);
            AuditViewModel vm = new AuditViewModel(engine.auditLog(), admin);
            Parent view = onFx(() -> AuditView.create(vm));
            TableView<AuditEntry> table = (TableView<AuditEntry>) view.lookup("#auditTable");
            onFx(() -> {
                table.getSortOrder().setAll(column(table, "Site / #"));
                return null;
            });
            List<Long> seqs = onFx(() -> table.getItems().stream().map(AuditEntry::seq).toList());
            assertThat(seqs).isSorted().hasSizeGreaterThan(10);
            onFx(() -> {
                TableColumn<AuditEntry, ?> when = column(table, "When");
                when.setSortType(TableColumn.SortType.DESCENDING);
                table.getSortOrder().setAll(when);
                return null;
            });
            List<java.time.OffsetDateTime> times = onFx(() -> table.getItems().stream().map(AuditEntry::occurredAt).toList());
            assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
    }

    private static void setFailures(Engine engine, String user, int n) {
        engine.database().withConnection(c -> {
            try (var ps = c.prepareStatement("UPDATE user_accounts SET failed_attempts = ? WHERE user_name = ?")) {
                ps.setInt(1, n);
                ps.setString(2, user);
                return ps.executeUpdate();
            }
        });
    }

    private static <T> TableColumn<T, ?> column(TableView<T> table, String title) {
        return table.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().orElseThrow();
    }

    private static List<String> names(TableView<UserAccount> table) {
        return table.getItems().stream().map(UserAccount::name).toList();
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
