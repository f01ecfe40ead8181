package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.ui.models.ModelsViewModel;
import com.outcomedesk.ui.shell.Shell;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/** A clinician sees before pressing anything that retraining, activation and rollback are for administrators. */
class ClinicianModelsUiTest extends HeadlessUiTest {
    Engine engine;
    Shell shell;

    @Override
    protected void prepare() {
        engine = openStore();
        engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
    }

    @Override
    protected void start(Stage stage) {
        shell = showMainWindow(engine, stage, new Actor("carol", Role.CLINICIAN));
    }

    @Test
    void retrainActivateAndRollBackAreDisabledWithTheReason() throws Exception {
        MenuItem retrain = shell.controller().menuBar().getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "retrainItem".equals(i.getId())).findFirst().orElseThrow();
        assertThat(retrain.isDisable()).isTrue();
        assertThat(retrain.getText()).contains("administrators only");

        robot.clickOn("Models");
        waitFor(() -> robot.lookup("#retrainButton").tryQuery().isPresent());
        for (String id : new String[] {"#retrainButton", "#activateButton", "#rollbackButton", "#runPolicyButton", "#savePolicyButton"}) {
            assertThat(robot.lookup(id).queryAs(Button.class).isDisabled()).as(id).isTrue();
        }
        Label reason = robot.lookup("#adminOnly").queryAs(Label.class);
        assertThat(reason.isVisible()).isTrue();
        assertThat(reason.getText()).isEqualTo(ModelsViewModel.ADMINISTRATORS_ONLY);
        assertThat(robot.lookup("#policyAdminOnly").queryAs(Label.class).getText())
                .isEqualTo(com.outcomedesk.ui.models.RetrainingViewModel.ADMINISTRATORS_ONLY);
    }
}
