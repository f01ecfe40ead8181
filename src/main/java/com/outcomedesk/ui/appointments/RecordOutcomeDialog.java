package com.outcomedesk.ui.appointments;

import com.outcomedesk.ui.support.ErrorText;
import com.outcomedesk.ui.support.Views;
import com.outcomedesk.ui.support.Windows;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The Record outcome dialog (RecordOutcome.fxml): binds to a {@link RecordOutcomeViewModel} and closes once it has stored. */
final class RecordOutcomeDialog {
    private final RecordOutcomeViewModel model;
    @FXML private Label about;
    @FXML private ComboBox<String> outcomeSentence;

    RecordOutcomeDialog(RecordOutcomeViewModel model) {
        this.model = model;
    }

    /** Shows the dialog; true when the outcome was stored, empty when the user cancelled. */
    Optional<Boolean> showAndWait(Window owner, ObservableList<String> outcomeSentences) {
        VBox content = Views.load("/com/outcomedesk/ui/appointments/RecordOutcome.fxml", this);
        outcomeSentence.setItems(outcomeSentences);
        Label problem = ErrorText.showing(model.problemProperty());
        problem.setId("outcomeProblem");
        problem.setMaxWidth(480);
        content.getChildren().add(problem);
        Dialog<Boolean> dialog = Views.styled(new Dialog<>());
        Windows.place(dialog, owner, null, 560, 0, 460, 240);
        dialog.setTitle(model.title());
        dialog.setHeaderText(model.header());
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(AppointmentFormController.SAVE, ButtonType.CANCEL);
        dialog.setResultConverter(b -> null);
        Button save = (Button) dialog.getDialogPane().lookupButton(AppointmentFormController.SAVE);
        save.disableProperty().bind(model.savingProperty());
        // The dialog stays open until the outcome is stored; a problem is said in it, next to what was typed.
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            if (!model.save(() -> {
                dialog.setResult(Boolean.TRUE);
                dialog.close();
            })) outcomeSentence.requestFocus();
        });
        // After the dialog's own focus handling, so that typing goes into the field at once.
        dialog.setOnShown(e -> Platform.runLater(outcomeSentence::requestFocus));
        return dialog.showAndWait();
    }

    @FXML
    private void initialize() {
        about.setText(model.row().summary());
        outcomeSentence.getEditor().textProperty().bindBidirectional(model.textProperty());
    }
}
