package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.dialog;
import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.audit.AuditEntry;
import com.outcomedesk.audit.AuditQuery;
import com.outcomedesk.engine.SignIn;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.ui.security.SecureStart;
import com.outcomedesk.ui.shell.Shell;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Account menu on an encrypted store, by keyboard and mouse: change my password, lock now, sign out, sign in again. */
class AccountUiTest extends HeadlessUiTest {
    private static final String PASSWORD = "river stone lantern";
    private static final String NEW_PASSWORD = "quiet meadow 42";
    StoreLocation location;
    final AtomicReference<SignIn.Session> session = new AtomicReference<>();
    final AtomicInteger signIns = new AtomicInteger();

    @Override
    protected void prepare() {
        location = TestStores.h2(dir.resolve("store"));
        SignIn.initialize(location, "alice", PASSWORD.toCharArray());
        closedAfterTest(() -> {
            if (session.get() != null) session.get().close();
        });
    }

    /** As the desktop app starts: sign-in, then the main window with the idle lock and the Account menu. */
    @Override
    protected void start(Stage stage) {
        Scene scene = new Scene(new VBox(new Label("Opening")), 1280, 800);
        scene.getStylesheets().add(DesktopApp.class.getResource(DesktopApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
        SecureStart.show(scene, location, s -> {
            session.set(s);
            signIns.incrementAndGet();
            Shell shell = stoppedAfterTest(Shell.build(s.engine(), s.actor(), stage));
            scene.setRoot(shell.root());
            shell.start();
            shell.addAccountMenu(SecureStart.lockWhenIdle(scene, s));
        }, failure -> {
            throw new AssertionError(failure);
        });
    }

    @Test
    void changeMyPasswordThenLockNowThenSignOutAndSignInWithTheNewPassword() throws Exception {
        signIn(robot, PASSWORD);
        waitFor(() -> signIns.get() == 1 && robot.lookup("#accountMenu").tryQuery().isPresent());
        Label user = robot.lookup("#userLabel").queryAs(Label.class);
        assertThat(user.isVisible()).as("the status bar names who is signed in").isTrue();
        assertThat(user.getText()).isEqualTo("Signed in: " + session.get().actor().name());

        robot.clickOn("#accountMenu").clickOn("#changePasswordItem");
        waitFor(() -> dialog() != null && robot.lookup("#currentPassword").query().isFocused());
        robot.clickOn("#currentPassword").write(PASSWORD).clickOn("#newPassword").write("short");
        assertThat(robot.lookup("#passwordProblem").queryAs(Label.class).getText())
                .isEqualTo("The password must have at least 12 characters.");
        assertThat(robot.lookup("#changePassword").query().isDisabled()).isTrue();
        robot.eraseText(5).write(NEW_PASSWORD).clickOn("#repeatNewPassword").write(NEW_PASSWORD);
        assertThat(robot.lookup("#passwordProblem").queryAs(Label.class).getText()).isEmpty();
        robot.clickOn("#changePassword");
        waitFor(() -> dialog() != null && "Your password is changed".equals(dialog().getHeaderText()));
        robot.clickOn("OK");
        waitFor(() -> dialog() == null);

        robot.clickOn("#accountMenu").clickOn("#lockNowItem");
        waitFor(() -> robot.lookup("#idleLock").query().isVisible() && robot.lookup("#unlockPassword").query().isFocused());
        robot.clickOn("#unlockPassword").write(PASSWORD).type(KeyCode.ENTER);
        waitFor(() -> !robot.lookup("#unlockMessage").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#idleLock").query().isVisible()).as("the old password no longer unlocks").isTrue();
        waitFor(() -> robot.lookup("#unlockPassword").query().isFocused());
        robot.clickOn("#unlockPassword").write(NEW_PASSWORD).type(KeyCode.ENTER);
        waitFor(() -> !robot.lookup("#idleLock").query().isVisible());

        SignIn.Session first = session.get();
        robot.clickOn("#accountMenu").clickOn("#signOutItem");
        waitFor(() -> robot.lookup("#signIn").tryQuery().isPresent());
        assertThat(robot.lookup("#userName").queryTextInputControl().getText()).as("a fresh sign-in form").isEmpty();
        waitFor(() -> {
            try {
                first.engine().appointments().totals();
                return false;
            } catch (RuntimeException closed) {
                return true;
            }
        });

        signIn(robot, NEW_PASSWORD);
        waitFor(() -> signIns.get() == 2 && robot.lookup("#accountMenu").tryQuery().isPresent());
        Actor alice = session.get().actor();
        assertThat(session.get().engine().auditLog().list(new AuditQuery("alice", null, null, null, null, null, 20), alice))
                .extracting(AuditEntry::action).contains("sign-out", "idle-lock", "user-password");
    }

    private static void signIn(FxRobot robot, String password) throws Exception {
        waitFor(() -> robot.lookup("#userName").tryQuery().isPresent());
        robot.clickOn("#userName").write("alice").type(KeyCode.TAB).write(password).type(KeyCode.ENTER);
    }
}
