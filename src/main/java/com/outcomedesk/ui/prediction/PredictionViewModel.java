package com.outcomedesk.ui.prediction;

import com.outcomedesk.learn.Contribution;
import com.outcomedesk.learn.ModelRegistry;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.PredictionResult;
import com.outcomedesk.learn.PredictionService;
import com.outcomedesk.security.Actor;
import com.outcomedesk.ui.appointments.AppointmentRow;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.Problems;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The prediction screen: an appointment (chosen or typed) in, the active model's answer out, and saving it. */
public final class PredictionViewModel {
    private final PredictionService predictions;
    private final ModelRegistry models;
    private final Supplier<Actor> actor;
    private final Background background;
    private final Dialogs dialogs;
    private final StringProperty doctor = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ObjectProperty<PredictionResult> result = new SimpleObjectProperty<>();
    private final StringProperty modelText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty saved = new SimpleBooleanProperty(false);
    private UUID appointmentId;
    private String predictedDoctor;

    public PredictionViewModel(PredictionService predictions, ModelRegistry models, Supplier<Actor> actor,
                               Background background, Dialogs dialogs) {
        this.predictions = predictions;
        this.models = models;
        this.actor = actor;
        this.background = background;
        this.dialogs = dialogs;
        doctor.addListener(o -> edited());
        summary.addListener(o -> edited());
        date.addListener(o -> edited());
    }

    /** Fills the form from a stored appointment, so the saved prediction is linked to it. */
    public void use(AppointmentRow row) {
        doctor.set(row.doctorId());
        summary.set(row.summary());
        date.set(row.date());
        appointmentId = row.id();
        message.set("Appointment of " + row.doctorId() + (row.date() == null ? "" : " on " + row.date()) + " loaded; press Predict.");
    }

    private void edited() {
        appointmentId = null;
        result.set(null);
        saved.set(false);
        message.set("");
    }

    public void predict() {
        if (doctor.get() == null || doctor.get().isBlank() || summary.get() == null || summary.get().isBlank()) {
            message.set("Enter the doctor and the appointment summary, then predict.");
            return;
        }
        PredictionRequest request = new PredictionRequest(doctor.get().strip(), summary.get(), date.get());
        background.run("Predicting", p -> new Answer(predictions.predict(request), models.active().orElse(null)),
                answer -> {
                    predictedDoctor = request.doctorId();
                    result.set(answer.result());
                    modelText.set(describe(answer.result(), answer.active()));
                    message.set(answer.result().doctorNote() == null ? "" : "Note: " + answer.result().doctorNote() + ".");
                }, failure -> dialogs.error("Could not predict", Problems.describe(failure)));
    }

    private record Answer(PredictionResult result, ModelVersionInfo active) {
    }

    static String describe(PredictionResult r, ModelVersionInfo active) {
        if (r.modelVersion() == null) {
            return "Answered by the doctor-rate baseline" + (r.fallbackReason() == null ? "" : " (" + r.fallbackReason() + ")")
                    + ". Train a model from Model > Retrain for text-aware predictions.";
        }
        StringBuilder s = new StringBuilder("Answered by model version " + r.modelVersion());
        if (active != null && active.version() == r.modelVersion()) {
            s.append(String.format(Locale.ROOT, " (%s): cross-validated accuracy %s, AUC %s", active.algorithm(),
                    fmt(active.accuracy()), fmt(active.auc())));
        }
        if (r.fallbackReason() != null) s.append(". ").append(r.fallbackReason());
        return s.append('.').toString();
    }

    private static String fmt(Double d) {
        return d == null ? "n/a" : String.format(Locale.ROOT, "%.3f", d);
    }

    public void save() {
        PredictionResult r = result.get();
        if (r == null || saved.get()) return;
        UUID linked = appointmentId;
        background.run("Saving the prediction", p -> {
            predictions.record(r, predictedDoctor, linked, actor.get());
            return r;
        }, done -> {
            saved.set(true);
            message.set("Prediction saved" + (linked == null ? "." : " with its appointment."));
        }, failure -> dialogs.error("Could not save the prediction", Problems.describe(failure)));
    }

    /** A span of the summary and how it drove the prediction: positive towards worse, negative towards better. */
    public record Span(String text, double weight) {
    }

    /** The summary split into spans, with the words of the driving terms weighted. */
    public static List<Span> highlight(String summary, List<Contribution> explanation) {
        List<Span> spans = new ArrayList<>();
        if (summary == null) return spans;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[\\p{L}\\p{N}'-]+|[^\\p{L}\\p{N}'-]+").matcher(summary);
        while (m.find()) {
            String piece = m.group();
            spans.add(new Span(piece, Character.isLetter(piece.charAt(0)) ? weight(piece, explanation) : 0));
        }
        return spans;
    }

    private static double weight(String word, List<Contribution> explanation) {
        String w = word.toLowerCase(Locale.ROOT);
        double best = 0;
        for (Contribution c : explanation) {
            for (String termWord : words(c.term())) {
                if (termWord.length() >= 3 && (w.startsWith(termWord) || termWord.startsWith(w) && w.length() >= 4)
                        && Math.abs(c.weight()) > Math.abs(best)) {
                    best = c.weight();
                }
            }
        }
        return best;
    }

    /** The summary words behind a feature name such as "chest pain" or "entity condition:pneumonia:negated". */
    static List<String> words(String term) {
        String t = term.toLowerCase(Locale.ROOT);
        if (t.startsWith("doctor") || t.startsWith("month ") || t.startsWith("season ") || t.startsWith("follow-up")
                || t.startsWith("overall") || t.startsWith("share")) return List.of();
        if (t.startsWith("entity ")) {
            String[] parts = t.substring("entity ".length()).split(":");
            t = parts.length > 1 ? parts[1] : parts[0];
        }
        List<String> words = new ArrayList<>();
        for (String s : t.split("[^\\p{L}]+")) if (!s.isBlank()) words.add(s);
        return words;
    }

    public StringProperty doctorProperty() { return doctor; }
    public StringProperty summaryProperty() { return summary; }
    public ObjectProperty<LocalDate> dateProperty() { return date; }
    public ObjectProperty<PredictionResult> resultProperty() { return result; }
    public StringProperty modelTextProperty() { return modelText; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty savedProperty() { return saved; }
}
