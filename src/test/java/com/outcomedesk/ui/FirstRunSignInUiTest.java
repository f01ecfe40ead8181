package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.SignIn;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.ui.security.SignInView;
import com.outcomedesk.ui.security.SignInViewModel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/** The first run's administrator setup (Monocle headless): the buttons keep their size while the account is made. */
class FirstRunSignInUiTest extends HeadlessUiTest {
    private static final String PASSWORD = "river stone lantern";
    final AtomicReference<SignIn.Session> session = new AtomicReference<>();
    SignInViewModel vm;

    @Override
    protected void prepare() {
        closedAfterTest(() -> {
            if (session.get() != null) session.get().close();
        });
    }

    @Override
    protected void start(Stage stage) {
        StoreLocation location = TestStores.h2(dir.resolve("store"));
        vm = new SignInViewModel(location, true);
        Scene scene = new Scene(SignInView.create(vm, session::set), 800, 500);
        scene.getStylesheets().add(DesktopApp.class.getResource(DesktopApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theButtonsKeepTheirWidthWhileTheAccountIsCreated() throws Exception {
        Button create = robot.lookup("#signIn").queryButton();
        Button clear = robot.lookup("#clearSignIn").queryButton();
        assertThat(create.getText()).isEqualTo("Create and sign in");
        List<Double> widths = new CopyOnWriteArrayList<>();
        List<Boolean> busy = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            // Only while the account is made: once signed in, the button says "Sign in" and may be narrower.
            create.widthProperty().addListener((o, was, w) -> {
                if (vm.busyProperty().get()) widths.add(w.doubleValue());
            });
            clear.widthProperty().addListener((o, was, w) -> {
                if (vm.busyProperty().get()) widths.add(-w.doubleValue());
            });
            vm.busyProperty().addListener((o, was, now) -> busy.add(now));
        });
        robot.clickOn("#userName").write("alice").type(KeyCode.TAB).write(PASSWORD).type(KeyCode.TAB).write(PASSWORD);
        robot.type(KeyCode.ENTER);
        waitFor(() -> session.get() != null);
        assertThat(session.get().actor().name()).isEqualTo("alice");
        assertThat(busy).as("the form was busy, then not").containsExactly(true, false);
        assertThat(widths).as("widths of Create (+) and Clear (-) while the account was made").isEmpty();
    }
}
