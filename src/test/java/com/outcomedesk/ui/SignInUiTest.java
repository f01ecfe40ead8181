package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.SignIn;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.ui.security.SignInView;
import com.outcomedesk.ui.security.SignInViewModel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/** The sign-in screen by keyboard (Monocle headless): Enter signs in, a refusal shows as an error, Esc clears. */
class SignInUiTest extends HeadlessUiTest {
    private static final String PASSWORD = "river stone lantern";
    StoreLocation location;
    final AtomicReference<SignIn.Session> session = new AtomicReference<>();

    @Override
    protected void prepare() {
        location = TestStores.h2(dir.resolve("store"));
        SignIn.initialize(location, "alice", PASSWORD.toCharArray());
        closedAfterTest(() -> {
            if (session.get() != null) session.get().close();
        });
    }

    @Override
    protected void start(Stage stage) {
        Scene scene = new Scene(SignInView.create(new SignInViewModel(location, false), session::set), 800, 500);
        scene.getStylesheets().add(DesktopApp.class.getResource(DesktopApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void enterSubmitsAWrongPasswordShowsARedErrorEscClearsThenEnterSignsIn() throws Exception {
        Label message = robot.lookup("#message").queryAs(Label.class);
        assertThat(message.isVisible()).as("no error before an attempt").isFalse();

        robot.clickOn("#userName").write("alice").type(KeyCode.TAB).write("not my password").type(KeyCode.ENTER);
        waitFor(message::isVisible);
        assertThat(message.getText()).isEqualTo(com.outcomedesk.security.AccountService.WRONG_CREDENTIALS);
        assertThat(message.getStyleClass()).contains("error-text");
        assertThat(message.getTextFill()).isEqualTo(Color.web("#b3261e"));
        assertThat(message.getGraphic().isVisible()).as("a warning sign beside the text").isTrue();

        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !message.isVisible());
        assertThat(robot.lookup("#userName").queryTextInputControl().getText()).isEmpty();
        assertThat(robot.lookup("#userName").query().isFocused()).isTrue();

        robot.write("alice").type(KeyCode.TAB).write("still not it").type(KeyCode.ENTER);
        waitFor(message::isVisible);
        Node checking = robot.lookup("#signInChecking").query();
        AtomicBoolean errorWhileChecking = new AtomicBoolean();
        AtomicBoolean sawChecking = new AtomicBoolean();
        checking.getParent().visibleProperty().addListener((o, was, shown) -> {
            if (shown) {
                sawChecking.set(true);
                errorWhileChecking.set(message.isVisible());
            }
        });
        robot.write(PASSWORD).type(KeyCode.ENTER);
        waitFor(() -> session.get() != null);
        assertThat(sawChecking).as("a spinner and 'Checking…' while the password is checked").isTrue();
        assertThat(errorWhileChecking).as("the old red error is gone during the new attempt").isFalse();
        assertThat(session.get().actor().name()).isEqualTo("alice");
        session.get().close();
    }
}
