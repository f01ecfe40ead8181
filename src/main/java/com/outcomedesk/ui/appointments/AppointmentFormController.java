package com.outcomedesk.ui.appointments;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.ui.support.DateStyle;
import com.outcomedesk.ui.support.ErrorText;
import com.outcomedesk.ui.support.Suggestions;
import com.outcomedesk.ui.support.Views;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/** Binds the add/edit form to its ViewModel; problems are shown at the field by ControlsFX validation. */
final class AppointmentFormController {
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final AppointmentFormViewModel model;
    private final Function<String, List<String>> doctorSuggestions;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML private TextField formDoctor;
    @FXML private DatePicker formDate;
    @FXML private VBox formDateBox;
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
        dialog.initOwner(owner);
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
        dialog.setOnShown(e -> formDoctor.requestFocus());
        return dialog.showAndWait();
    }

    @FXML
    private void initialize() {
        formDoctor.textProperty().bindBidirectional(model.doctorProperty());
        formSummary.textProperty().bindBidirectional(model.summaryProperty());
        dateConverter = DateStyle.attach(formDate);
        formDate.valueProperty().bindBidirectional(model.dateProperty());
        model.dateTextProblemProperty().bind(dateConverter.problemProperty());
        formDateBox.getChildren().add(ErrorText.showing(dateConverter.problemProperty()));
        formPatient.textProperty().bindBidirectional(model.patientRefProperty());
        formOutcome.textProperty().bindBidirectional(model.outcomeProperty());
        Suggestions.bind(formDoctor, doctorSuggestions);

        validation.errorDecorationEnabledProperty().bind(model.showProblemsProperty());
        register(formDoctor, AppointmentInput.DOCTOR);
        register(formSummary, AppointmentInput.SUMMARY);
        register(formPatient, AppointmentInput.PATIENT);
        register(formOutcome, AppointmentInput.OUTCOME);
        model.problems().addListener((javafx.collections.MapChangeListener<String, String>) c -> validation.revalidate());

        // Tab leaves the summary instead of typing a tab character, as in every other field.
        formSummary.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                (e.isShiftDown() ? formPatient : formOutcome).requestFocus();
            }
        });
    }

    private void register(Control control, String field) {
        Validator<Object> validator = (c, value) -> ValidationResult.fromErrorIf(c, String.valueOf(model.problem(field)),
                model.problem(field) != null);
        validation.registerValidator(control, false, validator);
    }

    private void focusFirstProblem() {
        if (model.problem(AppointmentInput.DOCTOR) != null) formDoctor.requestFocus();
        else if (model.problem(AppointmentInput.DATE) != null) formDate.requestFocus();
        else if (model.problem(AppointmentInput.SUMMARY) != null) formSummary.requestFocus();
        else if (model.problem(AppointmentInput.PATIENT) != null) formPatient.requestFocus();
        else if (model.problem(AppointmentInput.OUTCOME) != null) formOutcome.requestFocus();
    }
}
