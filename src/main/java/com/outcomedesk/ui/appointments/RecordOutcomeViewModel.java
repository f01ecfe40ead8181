package com.outcomedesk.ui.appointments;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.appointments.AppointmentService;
import com.outcomedesk.appointments.InvalidInputException;
import com.outcomedesk.common.Actor;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.FailureSentences;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Recording the outcome of one appointment. What is wrong with the typed outcome, or why storing it failed, is
 * kept here for the dialog to show in itself: the dialog closes only once the outcome is stored.
 */
public final class RecordOutcomeViewModel {
    private final AppointmentService service;
    private final Actor actor;
    private final Background background;
    private final AppointmentRow row;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty(false);

    RecordOutcomeViewModel(AppointmentService service, Actor actor, Background background, AppointmentRow row) {
        this.service = service;
        this.actor = actor;
        this.background = background;
        this.row = row;
        if (row.outcomeText() != null) text.set(row.outcomeText());
        text.addListener(o -> problem.set(""));
    }

    public AppointmentRow row() {
        return row;
    }

    public String title() {
        return "Record outcome";
    }

    /** Which appointment this is, in the date style the user chose. */
    public String header() {
        return AppointmentsViewModel.outcomeHeader(row);
    }

    /** Stores the outcome and then calls {@code onSaved}; returns false (with the reason in {@link #problemProperty()}) when it cannot. */
    public boolean save(Runnable onSaved) {
        if (saving.get()) return false;
        Optional<String> wrong = check();
        if (wrong.isPresent()) {
            problem.set(wrong.get());
            return false;
        }
        String outcome = text.get();
        saving.set(true);
        background.run("Recording the outcome", p -> service.recordOutcome(row.id(), outcome, actor), saved -> {
            saving.set(false);
            onSaved.run();
        }, failure -> {
            saving.set(false);
            problem.set(failure instanceof InvalidInputException invalid && !invalid.list().isEmpty()
                    ? ProblemText.of(invalid.list().get(0)) : FailureSentences.describe(failure));
        });
        return true;
    }

    private Optional<String> check() {
        if (text.get() == null || text.get().isBlank()) {
            return Optional.of("Type what happened to the patient, or pick one of the suggested sentences.");
        }
        return new AppointmentInput(row.doctorId(), row.summary(), row.date(), row.patientRef(), text.get()).check().stream()
                .filter(p -> p.field().equals(AppointmentInput.OUTCOME)).findFirst().map(ProblemText::of);
    }

    public StringProperty textProperty() { return text; }
    public StringProperty problemProperty() { return problem; }
    public BooleanProperty savingProperty() { return saving; }
}
