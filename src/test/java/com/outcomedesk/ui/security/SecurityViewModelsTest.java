package com.outcomedesk.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.engine.SignIn;
import com.outcomedesk.common.Actor;
import com.outcomedesk.security.LockoutPolicy;
import com.outcomedesk.common.Role;
import com.outcomedesk.security.UserAccount;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.NeedsFxToolkit;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NeedsFxToolkit
class SecurityViewModelsTest {
    static final String ADMIN_PW = "river stone lantern";
    @TempDir Path dir;

    @Test
    void firstRunSetupCreatesTheAdministratorThenSignInAsksForThePassword() {
        StoreLocation location = TestStores.h2(dir);
        SignInViewModel setup = new SignInViewModel(location, true);
        setup.userNameProperty().set("alice");
        setup.passwordProperty().set(ADMIN_PW);
        setup.repeatPasswordProperty().set("river stone lanterm");
        assertThat(setup.submit()).isEmpty();
        assertThat(setup.messageProperty().get()).contains("differ");
        setup.passwordProperty().set("short");
        setup.repeatPasswordProperty().set("short");
        assertThat(setup.submit()).isEmpty();
        assertThat(setup.messageProperty().get()).contains("12 characters");

        setup.passwordProperty().set(ADMIN_PW);
        setup.repeatPasswordProperty().set(ADMIN_PW);
        try (SignIn.Session session = setup.submit().orElseThrow()) {
            assertThat(session.actor()).isEqualTo(new Actor("alice", Role.ADMINISTRATOR));
        }
        assertThat(setup.passwordProperty().get()).isEmpty();

        SignInViewModel signIn = new SignInViewModel(location, false);
        signIn.userNameProperty().set("alice");
        signIn.passwordProperty().set("not my password");
        assertThat(signIn.submit()).isEmpty();
        assertThat(signIn.messageProperty().get()).isEqualTo(com.outcomedesk.security.AccountService.WRONG_CREDENTIALS);
        signIn.passwordProperty().set(ADMIN_PW);
        SignInViewModel.Attempt attempt = signIn.takeAttempt();
        assertThat(signIn.messageProperty().get()).as("the old error goes when a new attempt starts").isEmpty();
        assertThat(signIn.busyProperty().get()).isTrue();
        assertThat(signIn.progressTextProperty().get()).isEqualTo("Checking…");
        signIn.apply(signIn.run(attempt)).orElseThrow().close();
        assertThat(signIn.busyProperty().get()).isFalse();
        assertThat(signIn.progressTextProperty().get()).isEmpty();
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountThenClearForgetsTheForm() {
        StoreLocation location = TestStores.h2(dir);
        SignIn.initialize(location, "alice", ADMIN_PW.toCharArray());
        SignInViewModel signIn = new SignInViewModel(location, false);
        signIn.userNameProperty().set("alice");
        for (int i = 0; i < LockoutPolicy.FREE_ATTEMPTS; i++) {
            signIn.passwordProperty().set("not my password");
            assertThat(signIn.submit()).isEmpty();
            assertThat(signIn.messageProperty().get()).isEqualTo(com.outcomedesk.security.AccountService.WRONG_CREDENTIALS);
        }
        signIn.passwordProperty().set(ADMIN_PW);
        assertThat(signIn.submit()).as("even the right password waits").isEmpty();
        assertThat(signIn.messageProperty().get()).as("waiting reads like any failure")
                .isEqualTo(com.outcomedesk.security.AccountService.WRONG_CREDENTIALS);

        signIn.passwordProperty().set("half typed");
        signIn.clear();
        assertThat(signIn.userNameProperty().get()).isEmpty();
        assertThat(signIn.passwordProperty().get()).isEmpty();
        assertThat(signIn.messageProperty().get()).isEmpty();
    }

    @Test
    void changeMyPasswordAsksTheCurrentOneSpeaksThePolicyAndReWrapsTheStoreKey() {
        StoreLocation location = TestStores.h2(dir);
        SignIn.initialize(location, "alice", ADMIN_PW.toCharArray());
        try (SignIn.Session session = SignIn.signIn(location, "alice", ADMIN_PW.toCharArray())) {
            ChangePasswordViewModel vm = new ChangePasswordViewModel(session.engine().accounts(), session.actor(),
                    new com.outcomedesk.ui.support.DirectBackground());
            assertThat(vm.problemProperty().get()).isEqualTo("Type your current password.");
            vm.currentProperty().set("not my password");
            vm.newPasswordProperty().set("short");
            assertThat(vm.problemProperty().get()).isEqualTo("The password must have at least 12 characters.");
            vm.newPasswordProperty().set("alice likes tea");
            assertThat(vm.problemProperty().get()).isEqualTo("The password must not contain the user name.");
            vm.newPasswordProperty().set("quiet meadow 42");
            assertThat(vm.problemProperty().get()).isEqualTo("Type the new password a second time, the same way.");
            vm.repeatProperty().set("quiet meadow 42");
            assertThat(vm.problemProperty().get()).isEmpty();

            vm.change();
            assertThat(vm.errorProperty().get()).as("the current password is checked")
                    .isEqualTo("The current password is not right; type the password you sign in with.");
            assertThat(vm.doneProperty().get()).isFalse();
            assertThat(vm.doneTextProperty().get()).as("no notice for a refused change").isEmpty();
            assertThat(vm.currentProperty().get()).as("passwords are not kept in the form").isEmpty();

            vm.currentProperty().set(ADMIN_PW);
            vm.newPasswordProperty().set("quiet meadow 42");
            vm.repeatProperty().set("quiet meadow 42");
            vm.change();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.doneProperty().get()).isTrue();
            assertThat(vm.doneTextProperty().get())
                    .isEqualTo("Use the new password from now on: to sign in and to unlock the window.");
            assertThat(session.engine().auditLog().list(new com.outcomedesk.audit.AuditQuery(null, "user-password",
                    null, null, null, null, 10), session.actor())).extracting(e -> e.details()).containsExactly("own password");
        }
        // The encrypted store's key was re-wrapped: the new password opens it, the old one no longer does.
        assertThat(new SignInViewModel(location, false)).satisfies(signIn -> {
            signIn.userNameProperty().set("alice");
            signIn.passwordProperty().set(ADMIN_PW);
            assertThat(signIn.submit()).isEmpty();
            signIn.passwordProperty().set("quiet meadow 42");
            signIn.submit().orElseThrow().close();
        });
    }

    @Test
    void usersAuditAndIdleLockViewModels() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            Actor admin = engine.accounts().createFirstAdministrator("alice", ADMIN_PW.toCharArray());
            UsersViewModel users = new UsersViewModel(engine.accounts(), admin);
            users.newNameProperty().set("carol");
            users.newPasswordProperty().set("quiet meadow 42");
            users.add();
            assertThat(users.users()).extracting(UserAccount::name).containsExactly("alice", "carol");
            assertThat(users.newPasswordProperty().get()).isEmpty();
            UserAccount alice = users.users().get(0);
            UserAccount carolAccount = users.users().get(1);
            assertThat(users.canGiveRole(alice, Role.ADMINISTRATOR)).as("already one").isFalse();
            assertThat(users.canGiveRole(carolAccount, Role.ADMINISTRATOR)).isTrue();
            assertThat(users.canDisable(alice)).as("your own account").isFalse();
            assertThat(users.canDisable(carolAccount)).isTrue();
            users.setRole(alice, Role.CLINICIAN);
            assertThat(users.messageProperty().get()).contains("only active administrator");

            Actor carol = new Actor("carol", Role.CLINICIAN);
            UsersViewModel refused = new UsersViewModel(engine.accounts(), carol);
            refused.refresh();
            assertThat(refused.users()).isEmpty();
            assertThat(refused.messageProperty().get()).contains("only an administrator");

            AuditViewModel audit = new AuditViewModel(engine.auditLog(), admin);
            audit.actionProperty().set("user-create");
            audit.refresh();
            assertThat(audit.entries()).extracting(e -> e.entityId()).containsExactlyInAnyOrder("alice", "carol");
            audit.verify();
            assertThat(audit.messageProperty().get()).startsWith("The audit trail is intact");
            audit.export(dir.resolve("audit.csv"));
            assertThat(Files.readAllLines(dir.resolve("audit.csv"))).hasSize(3);

            AtomicLong now = new AtomicLong();
            IdleLockViewModel lock = new IdleLockViewModel(engine.accounts(), engine.audit(), carol, now::get);
            lock.setIdleTime(Duration.ofMinutes(10));
            now.set(Duration.ofMinutes(9).toNanos());
            lock.activity();
            now.addAndGet(Duration.ofMinutes(9).toNanos());
            lock.check();
            assertThat(lock.lockedProperty().get()).isFalse();
            now.addAndGet(Duration.ofMinutes(2).toNanos());
            lock.check();
            assertThat(lock.lockedProperty().get()).isTrue();
            lock.passwordProperty().set("wrong password");
            assertThat(lock.unlock()).isFalse();
            assertThat(lock.lockedProperty().get()).isTrue();
            lock.passwordProperty().set("quiet meadow 42");
            assertThat(lock.unlock()).isTrue();
            assertThat(lock.lockedProperty().get()).isFalse();
        }
    }

    @Test
    void theLockScreenHidesTheWindowWithoutLosingUnsavedInput() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            Actor admin = engine.accounts().createFirstAdministrator("alice", ADMIN_PW.toCharArray());
            IdleLockViewModel vm = new IdleLockViewModel(engine.accounts(), engine.audit(), admin, System::nanoTime);
            vm.setIdleTime(Duration.ofMinutes(5));
            startToolkit();
            TextField note = new TextField();
            CompletableFuture<Scene> built = new CompletableFuture<>();
            Platform.runLater(() -> {
                Scene scene = new Scene(new VBox(note), 400, 300);
                IdleLock.install(scene, vm).stop();
                note.setText("half-typed note");
                vm.lockNow();
                built.complete(scene);
            });
            Scene scene = built.get(30, TimeUnit.SECONDS);
            assertThat((Boolean) onFx(() -> scene.lookup("#idleLock").isVisible())).isTrue();
            assertThat((Boolean) onFx(note::isDisabled)).isTrue();
            vm.passwordProperty().set(ADMIN_PW);
            assertThat((Boolean) onFx(vm::unlock)).isTrue();
            assertThat((Boolean) onFx(() -> scene.lookup("#idleLock").isVisible())).isFalse();
            assertThat((String) onFx(note::getText)).isEqualTo("half-typed note");
            assertThat((Boolean) onFx(note::isDisabled)).isFalse();
        }
    }

    @Test
    void theIdleTimeIsReadOnceInTheBackgroundThenFollowsTheAdministratorsChanges() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            Actor admin = engine.accounts().createFirstAdministrator("alice", ADMIN_PW.toCharArray());
            engine.securitySettings().setIdleLock(30, admin);
            AtomicLong now = new AtomicLong();
            IdleLockViewModel vm = new IdleLockViewModel(engine.accounts(), engine.audit(), admin, now::get);
            now.set(Duration.ofDays(1).toNanos());
            vm.check();
            assertThat(vm.lockedProperty().get()).as("nothing locks before the setting is read").isFalse();

            List<Runnable> background = new ArrayList<>();
            vm.follow(engine.securitySettings(), background::add);
            assertThat(background).as("the read is handed to a background thread").hasSize(1);
            background.get(0).run();
            vm.activity();
            now.addAndGet(Duration.ofMinutes(29).toNanos());
            vm.check();
            assertThat(vm.lockedProperty().get()).isFalse();

            engine.securitySettings().setIdleLock(20, admin);
            vm.check();
            assertThat(vm.lockedProperty().get()).as("the new idle time applies at once").isTrue();
            assertThat(vm.reasonProperty().get()).isEqualTo("Locked after inactivity");
        }
    }

    @Test
    void theIdleLockStopsCheckingWhenTheStoreCloses() throws Exception {
        Engine engine = Engine.open(TestStores.h2(dir));
        IdleLock idleLock;
        try {
            Actor admin = engine.accounts().createFirstAdministrator("alice", ADMIN_PW.toCharArray());
            IdleLockViewModel vm = new IdleLockViewModel(engine.accounts(), engine.audit(), admin, System::nanoTime);
            vm.setIdleTime(Duration.ofMinutes(5));
            startToolkit();
            idleLock = onFx(() -> IdleLock.install(new Scene(new VBox(), 400, 300), vm).stopWhenClosing(engine));
            assertThat((Boolean) onFx(idleLock::ticking)).isTrue();
        } finally {
            engine.close();
        }
        assertThat((Boolean) onFx(idleLock::ticking)).as("stopped by the engine's close").isFalse();
    }

    private static void startToolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // another test started the toolkit
        }
    }

    private static <T> T onFx(java.util.function.Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(work.get()));
        return result.get(30, TimeUnit.SECONDS);
    }
}
