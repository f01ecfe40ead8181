package com.outcomedesk.ui.prediction;

import com.outcomedesk.learn.Contribution;
import com.outcomedesk.learn.ModelRegistry;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.PredictionResult;
import com.outcomedesk.learn.PredictionService;
import com.outcomedesk.learn.TaskAgreement;
import com.outcomedesk.common.Actor;
import com.outcomedesk.ui.appointments.AppointmentRow;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.FailureSentences;
import com.outcomedesk.report.PredictionReport;
import com.outcomedesk.report.PredictionReports;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

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
    /** How long the shown answer took from Predict to the screen, beside the engine's own part of it. */
    private final StringProperty timing = new SimpleStringProperty("");
    private final BooleanProperty saved = new SimpleBooleanProperty(false);
    private final ObjectProperty<Reading> reading = new SimpleObjectProperty<>();
    private final ObservableList<Contribution> drivers = FXCollections.observableArrayList();
    private final PredictionReports reports;
    private UUID appointmentId;
    private String patientRef;
    private String predictedDoctor;
    private ModelVersionInfo answeredModel;

    public PredictionViewModel(PredictionService predictions, ModelRegistry models, PredictionReports reports,
                               Supplier<Actor> actor, Background background, Dialogs dialogs) {
        this.predictions = predictions;
        this.models = models;
        this.reports = reports;
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
        patientRef = row.patientRef();
        message.set("Appointment of " + row.doctorId() + (row.date() == null ? "" : " on " + row.date()) + " loaded; press Predict.");
    }

    private void edited() {
        appointmentId = null;
        patientRef = null;
        result.set(null);
        reading.set(null);
        drivers.clear();
        saved.set(false);
        message.set("");
    }

    public void predict() {
        if (doctor.get() == null || doctor.get().isBlank() || summary.get() == null || summary.get().isBlank()) {
            message.set("Enter the doctor and the appointment summary, then predict.");
            return;
        }
        // A stored appointment's patient reference lets a model with patient history read the patient's earlier visits.
        PredictionRequest request = new PredictionRequest(doctor.get().strip(), summary.get(), date.get(), patientRef);
        long clicked = System.nanoTime();
        background.run("Predicting", p -> new Answer(predictions.predict(request), models.active().orElse(null)),
                answer -> {
                    timing.set(timing(System.nanoTime() - clicked, answer.result().latencyMicros()));
                    predictedDoctor = request.doctorId();
                    answeredModel = answer.active();
                    result.set(answer.result());
                    reading.set(relate(answer.result()));
                    drivers.setAll(answer.result().explanation());
                    modelText.set(describe(answer.result(), answer.active()));
                    message.set(answer.result().doctorNote() == null ? "" : "Note: " + answer.result().doctorNote() + ".");
                }, failure -> dialogs.error("Could not predict", FailureSentences.describe(failure)));
    }

    private record Answer(PredictionResult result, ModelVersionInfo active) {
    }

    /**
     * The end-to-end time (from Predict, through the background task and the store's reads of the active version, to
     * the answer on screen) beside the engine's own time for the prediction, which is what the Models screen averages
     * over saved predictions and what {@code bench} measures warm, thousands of times over.
     */
    static String timing(long endToEndNanos, long engineMicros) {
        return String.format(Locale.ROOT, "Answered in %s from Predict to this screen; the engine's own part (featurising, "
                + "scoring, explaining) took %s.", duration(endToEndNanos / 1_000), duration(engineMicros));
    }

    /** Microseconds in the unit that keeps them readable. */
    static String duration(long micros) {
        if (micros < 1_000) return micros + " µs";
        if (micros < 1_000_000) return String.format(Locale.ROOT, "%.1f ms", micros / 1_000.0);
        return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000.0);
    }

    static String describe(PredictionResult r, ModelVersionInfo active) {
        if (r.modelVersion() == null) {
            return "Answered by the doctor-rate baseline" + (r.fallbackReason() == null ? "" : " (" + r.fallbackReason() + ")")
                    + ". Train a model from Model > Retrain..., or activate a trained one from Model > Versions..., for "
                    + "text-aware predictions.";
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
        long clicked = System.nanoTime();
        background.run("Saving the prediction", p -> {
            predictions.record(r, predictedDoctor, linked, actor.get());
            return r;
        }, done -> {
            saved.set(true);
            message.set("Prediction saved" + (linked == null ? "" : " with its appointment") + " in "
                    + duration((System.nanoTime() - clicked) / 1_000) + ".");
        }, failure -> dialogs.error("Could not save the prediction", FailureSentences.describe(failure)));
    }

    /** Writes the shown prediction as a PDF for the chart note, in the background, to a file the user chooses. */
    public void saveReport() {
        PredictionResult r = result.get();
        if (r == null) return;
        Optional<Path> file = dialogs.saveFile("Save prediction report", reportName(predictedDoctor, date.get()));
        if (file.isEmpty()) return;
        Actor by = actor.get();
        PredictionReport report = new PredictionReport(appointmentId, predictedDoctor, date.get(), patientRef, summary.get(), r,
                reading.get() == null ? null : reading.get().text(), answeredModel, OffsetDateTime.now(ZoneOffset.UTC), by.name());
        background.run("Writing the prediction report", p -> {
            reports.write(report, file.get(), by);
            return file.get();
        }, done -> message.set("Report saved as " + done.getFileName() + "."),
                failure -> dialogs.error("Could not save the report", FailureSentences.describe(failure)));
    }

    /** A file name from the doctor and date, with only characters every file system accepts. */
    static String reportName(String doctorId, LocalDate date) {
        String doctor = doctorId == null ? "" : doctorId.replaceAll("[^A-Za-z0-9_-]+", "_");
        return "prediction-" + doctor + (date == null ? "" : "-" + date) + ".pdf";
    }

    /** How the better/worse answer and the five-category answer relate, said in words; never one without the other. */
    public record Reading(double worse, double worseByCategories, boolean agree, String text) {
    }

    /** The engine's {@link TaskAgreement} in words: the categories shown always add up to P(worse). */
    static Reading relate(PredictionResult r) {
        TaskAgreement a = r.agreement();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "P(worse) = %.2f = P(poor) + P(critical) as shown. ",
                r.probability()));
        String side = a.worse() >= 0.5 ? "worse" : "better";
        switch (a.kind()) {
            case AGREE -> s.append("The five-category model agrees.");
            case OPPOSITE -> s.append(String.format(Locale.ROOT, "The five-category model alone would lean towards %s (its own"
                    + " P(worse) %.2f): the answer follows the better/worse model, which is calibrated on held-out data, and"
                    + " the categories are rescaled to it.", a.worse() >= 0.5 ? "better" : "worse", a.worseByCategories()));
            case CATEGORIES_STRONGER, CATEGORIES_WEAKER -> s.append(String.format(Locale.ROOT, "Both lean towards %s, but the"
                    + " five-category model alone sees %s risk of worse (%.2f): the categories are rescaled to the calibrated"
                    + " figure.", side, a.kind() == TaskAgreement.Kind.CATEGORIES_STRONGER ? "more" : "less", a.worseByCategories()));
        }
        return new Reading(a.worse(), a.worseByCategories(), a.kind() == TaskAgreement.Kind.AGREE, s.toString());
    }

    /** The strongest factor against the answer, in words ("why not better"), or empty when every factor agrees. */
    public static String whyNotText(PredictionResult r) {
        Contribution c = r.whyNot();
        if (c == null) return "";
        String other = "worse".equals(r.label()) ? "better" : "worse";
        return String.format(Locale.ROOT, "Why not %s: \u201c%s\u201d (%s) pulls towards %s, but not enough.", other, c.term(),
                weight(c.weight()), other);
    }

    /** A weight as the drivers table shows it: signed, two decimals. */
    public static String weight(double w) {
        return String.format(Locale.ROOT, "%+.2f", w);
    }

    /** Which way a weight pushed the answer. */
    public static String direction(double w) {
        return w > 0 ? "towards worse" : w < 0 ? "towards better" : "neither way";
    }

    /** A span of the summary and how it drove the prediction: positive towards worse, negative towards better. */
    public record Span(String text, double weight) {
        /** The style class of a phrase that drives the answer (bold, in the worse or better colour of app.css), or none. */
        public Optional<String> styleClass() {
            return weight == 0 ? Optional.empty() : Optional.of(weight > 0 ? "drives-worse" : "drives-better");
        }

        /** The signed weight shown beside a driving phrase, or empty for text that drove nothing. */
        public Optional<String> badge() {
            return weight == 0 ? Optional.empty() : Optional.of(PredictionViewModel.weight(weight));
        }
    }

    /** The summary split into spans: each phrase the explanation weighed, at its place, and the text between. */
    public static List<Span> highlight(String summary, List<Contribution> explanation) {
        List<Span> spans = new ArrayList<>();
        if (summary == null) return spans;
        List<Contribution> phrases = explanation.stream()
                .filter(c -> c.kind() == Contribution.Kind.PHRASE && c.start() >= 0 && c.end() <= summary.length())
                .sorted(java.util.Comparator.comparingInt(Contribution::start)).toList();
        int at = 0;
        for (Contribution c : phrases) {
            if (c.start() < at) continue;
            if (c.start() > at) spans.add(new Span(summary.substring(at, c.start()), 0));
            spans.add(new Span(summary.substring(c.start(), c.end()), c.weight()));
            at = c.end();
        }
        if (at < summary.length()) spans.add(new Span(summary.substring(at), 0));
        return spans;
    }

    /** The answer in words: "Likely worse (62% chance of worse)". */
    public static String labelText(PredictionResult r) {
        return "Likely " + r.label() + String.format(Locale.ROOT, " (%.0f%% chance of worse)", r.probability() * 100);
    }

    /** The style classes of the answer's label: worse or better. */
    public static List<String> labelStyles(PredictionResult r) {
        return List.of("label", "prediction-label", "worse".equals(r.label()) ? "worse" : "better");
    }

    public static String tierText(PredictionResult r) {
        return "Risk tier: " + r.riskTier();
    }

    /** The style classes of the risk tier: one per tier, coloured in app.css. */
    public static List<String> tierStyles(PredictionResult r) {
        return List.of("label", "risk-tier", "tier-" + r.riskTier().toLowerCase(Locale.ROOT));
    }

    /** A bar of the category chart: the category over its probability. */
    public static String categoryBar(String category, double probability) {
        return String.format(Locale.ROOT, "%s%n%.2f", category, probability);
    }

    public StringProperty doctorProperty() { return doctor; }
    public StringProperty timingProperty() { return timing; }
    public StringProperty summaryProperty() { return summary; }
    public ObjectProperty<LocalDate> dateProperty() { return date; }
    public ObjectProperty<PredictionResult> resultProperty() { return result; }
    public StringProperty modelTextProperty() { return modelText; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty savedProperty() { return saved; }
    public ObjectProperty<Reading> readingProperty() { return reading; }
    /** The terms behind the answer with their weights, strongest first. */
    public ObservableList<Contribution> drivers() { return drivers; }
}
