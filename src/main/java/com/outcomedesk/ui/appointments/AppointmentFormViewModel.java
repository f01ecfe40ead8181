package com.outcomedesk.ui.appointments;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.appointments.AppointmentService;
import com.outcomedesk.appointments.InvalidInputException;
import com.outcomedesk.security.Actor;
import com.outcomedesk.store.Appointment;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.Problems;
import java.time.LocalDate;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The add/edit form. Field problems come from the engine's own {@link AppointmentInput#problems()}, so
 * the form and the engine never disagree about what can be saved; they are shown once the user tries.
 */
public final class AppointmentFormViewModel {
    private final AppointmentService service;
    private final Actor actor;
    private final Background background;
    private final Dialogs dialogs;
    private final AppointmentRow editing;
    private final StringProperty doctor = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty patientRef = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    /** Why the text typed as the date is not one; empty when it is one or is blank. */
    private final StringProperty dateTextProblem = new SimpleStringProperty("");
    private final ObservableMap<String, String> problems = FXCollections.observableHashMap();
    private final BooleanProperty showProblems = new SimpleBooleanProperty(false);
    private final BooleanProperty saving = new SimpleBooleanProperty(false);

    AppointmentFormViewModel(AppointmentService service, Actor actor, Background background, Dialogs dialogs,
                             AppointmentRow editing) {
        this.service = service;
        this.actor = actor;
        this.background = background;
        this.dialogs = dialogs;
        this.editing = editing;
        if (editing != null) {
            doctor.set(editing.doctorId());
            summary.set(editing.summary());
            date.set(editing.date());
            patientRef.set(nullToEmpty(editing.patientRef()));
            outcome.set(nullToEmpty(editing.outcomeText()));
        }
        for (Observable field : new Observable[] {doctor, summary, date, dateTextProblem, patientRef, outcome}) {
            field.addListener(o -> validate());
        }
        validate();
    }

    public String title() {
        return editing == null ? "New appointment" : "Edit appointment";
    }

    public AppointmentInput input() {
        return new AppointmentInput(doctor.get(), summary.get(), date.get(), patientRef.get(), outcome.get());
    }

    /** The problem with one field (see the AppointmentInput field names), or null. */
    public String problem(String field) {
        return problems.get(field);
    }

    private void validate() {
        problems.clear();
        problems.putAll(input().problems());
        if (!dateTextProblem.get().isEmpty()) problems.put(AppointmentInput.DATE, dateTextProblem.get());
    }

    /**
     * Saves when the input is valid and calls {@code onSaved} with the stored row; otherwise shows the
     * problems at their fields and returns false.
     */
    public boolean save(Consumer<AppointmentRow> onSaved) {
        showProblems.set(true);
        if (!problems.isEmpty() || saving.get()) return false;
        AppointmentInput input = input();
        saving.set(true);
        background.run(editing == null ? "Saving the appointment" : "Saving changes",
                p -> store(input),
                row -> {
                    saving.set(false);
                    onSaved.accept(row);
                },
                failure -> {
                    saving.set(false);
                    if (failure instanceof InvalidInputException invalid) problems.putAll(invalid.problems());
                    else dialogs.error("Could not save the appointment", Problems.describe(failure));
                });
        return true;
    }

    private AppointmentRow store(AppointmentInput input) {
        Appointment saved = editing == null
                ? service.create(input, actor)
                : service.update(editing.id(), editing.rowVersion(), input, actor);
        return AppointmentRow.of(saved);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public StringProperty doctorProperty() { return doctor; }
    public StringProperty summaryProperty() { return summary; }
    public ObjectProperty<LocalDate> dateProperty() { return date; }
    public StringProperty dateTextProblemProperty() { return dateTextProblem; }
    public StringProperty patientRefProperty() { return patientRef; }
    public StringProperty outcomeProperty() { return outcome; }
    public ObservableMap<String, String> problems() { return problems; }
    public BooleanProperty showProblemsProperty() { return showProblems; }
    public BooleanProperty savingProperty() { return saving; }
}
