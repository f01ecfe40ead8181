package com.outcomedesk.ui.appointments;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.ui.support.DateStyle;
import com.outcomedesk.ui.support.ErrorText;
import com.outcomedesk.ui.support.Suggestions;
import com.outcomedesk.ui.support.Views;
import com.outcomedesk.ui.support.Windows;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.beans.binding.StringBinding;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;

/** Binds the add/edit form to its ViewModel; each field's problem is a sentence in the label under it. */
final class AppointmentFormController {
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final AppointmentFormViewModel model;
    private final Function<String, List<String>> doctorSuggestions;
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    @FXML private TextField formDoctor;
    @FXML private DatePicker formDate;
    @FXML private VBox formDateBox;
    @FXML private VBox formDoctorBox;
    @FXML private VBox formPatientBox;
    @FXML private VBox formSummaryBox;
    @FXML private VBox formOutcomeBox;
    @FXML private VBox formSaveSummaryBox;
    private DateStyle.Converter dateConverter;
    @FXML private TextField formPatient;
    @FXML private TextArea formSummary;
    @FXML private TextField formOutcome;

    AppointmentFormController(AppointmentFormViewModel model, Function<String, List<String>> doctorSuggestions) {
        this.model = model;
        this.doctorSuggestions = doctorSuggestions;
    }

    /** Shows the form; the result is the saved row, or empty when the user cancelled. */
    Optional<AppointmentRow> showAndWait(Window owner, List<String> outcomeSentences) {
        Parent form = Views.load("/com/outcomedesk/ui/appointments/AppointmentForm.fxml", this);
        Suggestions.bind(formOutcome, typed -> outcomeSentences.stream()
                .filter(s -> s.toLowerCase().contains(typed.toLowerCase())).limit(10).toList());
        Dialog<AppointmentRow> dialog = Views.styled(new Dialog<>());
        Windows.place(dialog, owner, null, 620, 0, 520, 400);
        dialog.setTitle(model.title());
        dialog.setHeaderText(model.title());
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(SAVE, ButtonType.CANCEL);
        dialog.getDialogPane().getStyleClass().add("appointment-form");
        dialog.setResultConverter(button -> null);
        Button save = (Button) dialog.getDialogPane().lookupButton(SAVE);
        save.disableProperty().bind(model.savingProperty());
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            // Save may come before the date field loses focus: read what is typed there first.
            dateConverter.commit();
            if (!model.save(row -> {
                dialog.setResult(row);
                dialog.close();
            })) focusFirstProblem();
        });
        dialog.setOnShown(e -> Platform.runLater(formDoctor::requestFocus));

        return dialog.showAndWait();
    }

    @FXML
    private void initialize() {
        formDoctor.textProperty().bindBidirectional(model.doctorProperty());
        formSummary.textProperty().bindBidirectional(model.summaryProperty());
        dateConverter = DateStyle.attach(formDate);
        formDate.valueProperty().bindBidirectional(model.dateProperty());
        model.dateTextProblemProperty().bind(dateConverter.problemProperty());
        formPatient.textProperty().bindBidirectional(model.patientRefProperty());
        formOutcome.textProperty().bindBidirectional(model.outcomeProperty());
        Suggestions.bind(formDoctor, doctorSuggestions);

        problemUnder(formDoctor, formDoctorBox, AppointmentInput.DOCTOR);
        problemUnder(formDate, formDateBox, AppointmentInput.DATE);
        problemUnder(formPatient, formPatientBox, AppointmentInput.PATIENT);
        problemUnder(formSummary, formSummaryBox, AppointmentInput.SUMMARY);
        problemUnder(formOutcome, formOutcomeBox, AppointmentInput.OUTCOME);
        Label saveSummary = ErrorText.showing(model.saveSummary());
        saveSummary.setId("formSaveSummary");
        saveSummary.setMinHeight(Region.USE_PREF_SIZE);
        formSaveSummaryBox.getChildren().add(saveSummary);
        saveSummary.visibleProperty().addListener(o -> growToFit());

        // Tab leaves the summary instead of typing a tab character, as in every other field.
        formSummary.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                (e.isShiftDown() ? formPatient : formOutcome).requestFocus();
            }
        });
    }

    /** The field's problem in words under it, shown from when the user leaves the field; the field edged in red. */
    private void problemUnder(Control field, VBox box, String name) {
        StringBinding shown = model.shownProblem(name);
        Label label = ErrorText.showing(shown);
        label.setId(field.getId() + "Problem");
        label.setMaxWidth(Double.MAX_VALUE);
        // Wrapped onto as many lines as the reason needs, never cut to "...".
        label.setMinHeight(Region.USE_PREF_SIZE);
        // Only a field with something to say takes the room for it, so the form stays compact.
        label.managedProperty().bind(label.visibleProperty());
        box.getChildren().add(label);
        label.visibleProperty().addListener(o -> growToFit());
        shown.addListener((o, was, now) -> field.pseudoClassStateChanged(PROBLEM, !now.isEmpty()));
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) model.leftField(name);
        });
    }

    /** A reason appearing under a field makes the form taller: grow the window with it rather than cut it off. */
    private void growToFit() {
        Platform.runLater(() -> {
            Window window = formDoctor.getScene() == null ? null : formDoctor.getScene().getWindow();
            Region pane = window == null ? null : (Region) window.getScene().getRoot();
            if (window == null || !window.isShowing() || pane.prefHeight(pane.getWidth()) <= pane.getHeight()) return;
            window.sizeToScene();
            // Grown downwards, its buttons may have left the screen: move it up until they are back.
            Rectangle2D screen = Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(),
                    window.getHeight()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
            if (window.getY() + window.getHeight() > screen.getMaxY()) {
                window.setY(Math.max(screen.getMinY(), screen.getMaxY() - window.getHeight()));
            }
        });
    }

    private void focusFirstProblem() {
        if (model.problem(AppointmentInput.DOCTOR) != null) formDoctor.requestFocus();
        else if (model.problem(AppointmentInput.DATE) != null) formDate.requestFocus();
        else if (model.problem(AppointmentInput.SUMMARY) != null) formSummary.requestFocus();
        else if (model.problem(AppointmentInput.PATIENT) != null) formPatient.requestFocus();
        else if (model.problem(AppointmentInput.OUTCOME) != null) formOutcome.requestFocus();
    }
}
