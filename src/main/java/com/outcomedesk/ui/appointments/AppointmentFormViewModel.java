package com.outcomedesk.ui.appointments;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.appointments.AppointmentService;
import com.outcomedesk.appointments.InvalidInputException;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.StoredAppointment;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.FailureSentences;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/**
 * The add/edit form. Field problems come from the engine's own {@link AppointmentInput#check()}, so the form and
 * the engine never disagree about what can be saved; each shows in words under its field once the user has left
 * that field or pressed Save, and a refused Save says beside the button which fields to fix.
 */
public final class AppointmentFormViewModel {
    /** The form's fields in their order on screen, with the names the save summary gives them. */
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();
    static {
        FIELDS.put(AppointmentInput.DOCTOR, "doctor");
        FIELDS.put(AppointmentInput.DATE, "date");
        FIELDS.put(AppointmentInput.PATIENT, "patient ref");
        FIELDS.put(AppointmentInput.SUMMARY, "summary");
        FIELDS.put(AppointmentInput.OUTCOME, "outcome");
    }

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
    /** The fields the user has left, whose problems show from then on. */
    private final ObservableSet<String> left = FXCollections.observableSet();
    /** Set by Save: from then on every field's problem shows. */
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

    /** The problem of a field as the form shows it: once the user left the field or pressed Save; else empty. */
    public StringBinding shownProblem(String field) {
        return Bindings.createStringBinding(() -> showProblems.get() || left.contains(field)
                ? problems.getOrDefault(field, "") : "", problems, left, showProblems);
    }

    /** Beside Save, after a refused Save: how many fields to fix, and which. */
    public StringBinding saveSummary() {
        return Bindings.createStringBinding(() -> {
            if (!showProblems.get() || problems.isEmpty()) return "";
            List<String> names = FIELDS.keySet().stream().filter(problems::containsKey).map(FIELDS::get).toList();
            return (names.size() == 1 ? "1 field needs" : names.size() + " fields need") + " fixing before saving: "
                    + String.join(", ", names) + ".";
        }, problems, showProblems);
    }

    /** The user left the field: show its problem from now on. */
    public void leftField(String field) {
        left.add(field);
    }

    private void validate() {
        problems.clear();
        for (AppointmentInput.Problem p : input().check()) problems.putIfAbsent(p.field(), ProblemText.of(p));
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
                    if (failure instanceof InvalidInputException invalid) {
                        invalid.list().forEach(p -> problems.putIfAbsent(p.field(), ProblemText.of(p)));
                    }
                    else dialogs.error("Could not save the appointment", FailureSentences.describe(failure));
                });
        return true;
    }

    private AppointmentRow store(AppointmentInput input) {
        StoredAppointment saved = editing == null
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
