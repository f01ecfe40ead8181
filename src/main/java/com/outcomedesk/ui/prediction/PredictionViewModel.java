package com.outcomedesk.ui.prediction;

import com.outcomedesk.learn.Contribution;
import com.outcomedesk.learn.ModelRegistry;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.PredictionResult;
import com.outcomedesk.learn.PredictionService;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
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
        PredictionRequest request = new PredictionRequest(doctor.get().strip(), summary.get(), date.get());
        background.run("Predicting", p -> new Answer(predictions.predict(request), models.active().orElse(null)),
                answer -> {
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

    /** Below this gap both models lean the same way with about the same strength. */
    static final double STRENGTH_GAP = 0.15;

    static Reading relate(PredictionResult r) {
        Map<String, Double> categories = r.categoryProbabilities();
        double p = r.probability();
        double byCategories = categories.getOrDefault(OutcomeCategory.POOR.code(), 0.0)
                + categories.getOrDefault(OutcomeCategory.CRITICAL.code(), 0.0);
        boolean worse = p >= 0.5, worseByCategories = byCategories >= 0.5;
        double gap = Math.abs(p - byCategories);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "The better/worse model gives P(worse) = %.2f; the category model gives P(poor) + P(critical) = %.2f. ",
                p, byCategories));
        boolean agree = worse == worseByCategories && gap < STRENGTH_GAP;
        if (worse != worseByCategories) {
            s.append("The two models disagree: trust the better/worse figure, which is calibrated on held-out data.");
        } else if (!agree) {
            s.append(String.format(Locale.ROOT, "Both lean towards %s but differ in strength by %.2f: trust the better/worse"
                    + " figure, which is calibrated on held-out data.", worse ? "worse" : "better", gap));
        } else {
            s.append("The two models agree.");
        }
        OutcomeCategory likeliest = OutcomeCategory.fromCode(r.category());
        if ((likeliest.label() == OutcomeLabel.WORSE) != worse) {
            s.append(String.format(Locale.ROOT, " The likeliest single category, %s (%.2f), is on the %s side only because"
                    + " the probability is shared among five categories; it is not the answer.", likeliest.code(),
                    categories.getOrDefault(likeliest.code(), 0.0), likeliest.label().code()));
        }
        return new Reading(p, byCategories, agree, s.toString());
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
        /** The style class of a word that drives the answer (bold, in the worse or better colour of app.css), or none. */
        public Optional<String> styleClass() {
            return weight == 0 ? Optional.empty() : Optional.of(weight > 0 ? "drives-worse" : "drives-better");
        }
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
