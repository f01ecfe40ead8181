package com.outcomedesk.ui.doctors;

import com.outcomedesk.insight.CaseMixAnalysis;
import com.outcomedesk.insight.DoctorInsights;
import com.outcomedesk.insight.DoctorReport;
import com.outcomedesk.insight.DoctorRow;
import com.outcomedesk.insight.FunnelLimit;
import com.outcomedesk.insight.Outlier;
import com.outcomedesk.insight.RankingMethod;
import com.outcomedesk.learn.Predictor;
import com.outcomedesk.common.Actor;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.FailureSentences;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/** The doctors screen: the ranking by the chosen method, the chosen doctor, and on request the case-mix comparison. */
public final class DoctorsViewModel {
    /** What the case-mix tab says before the comparison has run. */
    static final String CASE_MIX_INTRO = "A doctor whose patients are sicker has more worse outcomes without being a worse "
            + "doctor. The adjustment compares observed with expected worse outcomes (O/E) for each doctor's own patients.";
    private final DoctorInsights doctors;
    private final Supplier<Actor> actor;
    private final Background background;
    private final Dialogs dialogs;
    private final ObjectProperty<RankingMethod> method = new SimpleObjectProperty<>(RankingMethod.FUNNEL);
    private final ObjectProperty<DoctorReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<DoctorRow> selected = new SimpleObjectProperty<>();
    private final Supplier<Predictor> predictor;
    private final ObjectProperty<CaseMixAnalysis.Report> caseMix = new SimpleObjectProperty<>();
    private final BooleanProperty caseMixLoading = new SimpleBooleanProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty emptyText = new SimpleStringProperty();
    // What the view shows of the report and the case mix, held here so the view's listeners stay attached.
    private final ObservableValue<String> summary = report.map(DoctorsViewModel::summary);
    private final ObservableValue<ControlLimits> funnel = report.map(DoctorsViewModel::funnel);
    private final ObservableValue<RateAxis> funnelAxis = report.map(DoctorsViewModel::rateAxis);
    private final ObservableValue<ScoreBars> scoreBars = report.map(DoctorsViewModel::scoreBars);
    private final ObservableValue<String> caseMixSummary = caseMix.map(DoctorsViewModel::caseMixSummary).orElse(CASE_MIX_INTRO);
    private final ObservableValue<ControlLimits> caseMixChart = caseMix.map(DoctorsViewModel::caseMixChart);

    public DoctorsViewModel(DoctorInsights doctors, Supplier<Predictor> predictor, Supplier<Actor> actor,
                            Background background, Dialogs dialogs) {
        this.doctors = doctors;
        this.predictor = predictor;
        this.actor = actor;
        this.background = background;
        this.dialogs = dialogs;
        method.addListener(o -> reload());
        emptyText.bind(Bindings.when(loading).then("Ranking the doctors…").otherwise("No doctor has a known outcome yet."));
    }

    public void reload() {
        RankingMethod m = method.get();
        loading.set(true);
        background.load(p -> doctors.ranking(actor.get(), m), r -> {
            if (r.method() != method.get()) return;
            loading.set(false);
            report.set(r);
        }, failure -> {
            loading.set(false);
            dialogs.error("Could not rank the doctors", FailureSentences.describe(failure));
        });
    }

    /** What the empty ranking says: still counting, or truly nothing to rank. */
    public ReadOnlyStringProperty emptyTextProperty() { return emptyText; }

    /** The case-mix comparison reads and scores every labelled appointment, so it runs only when asked for. */
    public void loadCaseMix() {
        if (caseMixLoading.get()) return;
        caseMixLoading.set(true);
        background.run("Adjusting for case mix", p -> doctors.caseMix(actor.get(), predictor.get()), r -> {
            caseMixLoading.set(false);
            caseMix.set(r);
        }, failure -> {
            caseMixLoading.set(false);
            dialogs.error("Could not adjust for case mix", FailureSentences.describe(failure));
        });
    }

    /** The sentence above the ranking: how many doctors, the overall rate, how many stand out, and the fences. */
    public static String summary(DoctorReport r) {
        return String.format(Locale.ROOT,
                "%d doctors ranked by %s; overall rate of worse outcomes %.1f%%; %d stand out for better and %d for worse outcomes "
                        + "(doctors with fewer than %d cases are never flagged). IQR fences of the weighted score: %.2f and %.2f.",
                r.rows().size(), r.method().code(), r.overallRate() * 100, count(r.rows().stream().map(DoctorRow::outlier), Outlier.GOOD),
                count(r.rows().stream().map(DoctorRow::outlier), Outlier.BAD), r.minCases(),
                r.scores().lowerFence(), r.scores().upperFence());
    }

    /** The sentence above the case-mix plot: where the expectation comes from and how many doctors deviate. */
    public static String caseMixSummary(CaseMixAnalysis.Report r) {
        return String.format(Locale.ROOT, "Expected worse outcomes from %s, for each doctor's own patients "
                + "without any doctor's effect (scaled by %.3f so that expected equals the %,d observed). %d doctors have "
                + "fewer and %d more worse outcomes than expected beyond the 99.8%% limits (Holm-adjusted p < 0.05; "
                + "doctors with fewer than %d cases are not judged).", r.model(), r.scale(), r.observedWorse(),
                count(r.rows().stream().map(CaseMixAnalysis.Row::outlier), Outlier.GOOD),
                count(r.rows().stream().map(CaseMixAnalysis.Row::outlier), Outlier.BAD), r.minCases());
    }

    private static long count(Stream<Outlier> flags, Outlier wanted) {
        return flags.filter(f -> f == wanted).count();
    }

    /** The funnel: each doctor's rate of worse outcomes by cases, the limits by volume, the overall rate as centre. */
    public static ControlLimits funnel(DoctorReport r) {
        List<ControlLimits.Point> points = r.rows().stream()
                .map(d -> new ControlLimits.Point(d.doctorId(), d.cases(), d.worseRate(), d.outlier(), funnelTip(d))).toList();
        List<ControlLimits.Limit> limits = r.limits().stream().sorted(Comparator.comparingLong(FunnelLimit::cases))
                .map(l -> new ControlLimits.Limit(l.cases(), l.lower95(), l.upper95(), l.lower998(), l.upper998(), r.overallRate()))
                .toList();
        return new ControlLimits(points, limits, "better outcomes", "worse outcomes", "overall rate");
    }

    /** The case-mix plot: observed / expected by expected worse outcomes, each doctor's limits at their expectation, 1 as centre. */
    public static ControlLimits caseMixChart(CaseMixAnalysis.Report r) {
        List<CaseMixAnalysis.Row> byExpected = r.rows().stream()
                .sorted(Comparator.comparingDouble(CaseMixAnalysis.Row::expectedWorse)).toList();
        List<ControlLimits.Point> points = byExpected.stream()
                .map(d -> new ControlLimits.Point(d.doctorId(), d.expectedWorse(), d.ratio(), d.outlier(), caseMixTip(d))).toList();
        List<ControlLimits.Limit> limits = byExpected.stream()
                .map(d -> new ControlLimits.Limit(d.expectedWorse(), d.lower95(), d.upper95(), d.lower998(), d.upper998(), 1))
                .toList();
        return new ControlLimits(points, limits, "fewer worse than expected", "more worse than expected", "as expected");
    }

    static String caseMixTip(CaseMixAnalysis.Row row) {
        return String.format(Locale.ROOT, "%s%n%,d cases, %,d worse outcomes where %,.1f were expected%nO/E %.2f%s",
                row.doctorId(), row.cases(), row.observedWorse(), row.expectedWorse(), row.ratio(),
                row.adjustedP() == null ? "" : String.format(Locale.ROOT, "%nHolm-adjusted p %.3g", row.adjustedP()));
    }

    /** One bar of the weighted-score chart, styled by which side of the IQR fences it falls. */
    public record ScoreBar(String doctorId, double score, String styleClass, String tip) {
    }

    /** The weighted-score bars, highest first, with the fences drawn across them. */
    public record ScoreBars(List<ScoreBar> bars, double lowerFence, double upperFence) {
        /** Beyond 60 bars the doctors' names overlap and are left out. */
        public boolean namesFit() {
            return bars.size() <= 60;
        }
    }

    public static ScoreBars scoreBars(DoctorReport r) {
        double lower = r.scores().lowerFence();
        double upper = r.scores().upperFence();
        List<ScoreBar> bars = r.rows().stream().sorted(Comparator.comparingDouble(DoctorRow::weightedScore).reversed())
                .map(d -> new ScoreBar(d.doctorId(), d.weightedScore(),
                        d.weightedScore() > upper ? "bar-good" : d.weightedScore() < lower ? "bar-bad" : "bar-typical",
                        String.format(Locale.ROOT, "%s: weighted score %.3f", d.doctorId(), d.weightedScore())))
                .toList();
        return new ScoreBars(bars, lower, upper);
    }

    /** Bounds and tick unit of a rate axis. */
    public record RateAxis(double lower, double upper, double tick) {
    }

    /**
     * The funnel's rate axis: just wide enough for the doctors' rates, the overall rate and the 99.8% limits from the
     * smallest volume plotted, in whole ticks, never below 0 nor above 1 (a rate of 1.1 means nothing).
     */
    public static RateAxis rateAxis(DoctorReport r) {
        double min = r.overallRate();
        double max = r.overallRate();
        for (DoctorRow d : r.rows()) {
            min = Math.min(min, d.worseRate());
            max = Math.max(max, d.worseRate());
        }
        for (FunnelLimit l : r.limits()) {
            min = Math.min(min, l.lower998());
            max = Math.max(max, l.upper998());
        }
        double span = Math.max(max - min, 0.01);
        double tick = 0.2;
        for (double t : new double[] {0.005, 0.01, 0.02, 0.025, 0.05, 0.1}) {
            if (span / t <= 10) {
                tick = t;
                break;
            }
        }
        double lower = Math.max(0, Math.floor(min / tick - 0.25) * tick);
        double upper = Math.min(1, Math.ceil(max / tick + 0.25) * tick);
        return new RateAxis(round(lower), round(upper), tick);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** What a doctor's point says when hovered: a few short lines, so it fits beside the point. */
    public static String funnelTip(DoctorRow row) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s%n%,d cases, %.1f%% worse%nshrunken rate %.1f%% (95%% interval %.1f%% to %.1f%%)",
                row.doctorId(), row.cases(), row.worseRate() * 100, row.shrunkRate() * 100, row.lower() * 100, row.upper() * 100));
        if (row.adjustedP() != null) s.append(String.format(Locale.ROOT, "%nHolm-adjusted p %.3g", row.adjustedP()));
        if (row.outlier() != null) s.append(row.outlier() == Outlier.GOOD ? "\nstands out for better outcomes"
                : "\nstands out for worse outcomes");
        return s.toString();
    }

    /** One slice of a doctor's outcome mix: its category, count and the legend text with the share. */
    public record MixSlice(String category, long count, String label) {
        /** The style class that colours the slice and its legend symbol by meaning (colours in app.css). */
        public String styleClass() {
            return "outcome-" + category;
        }
    }

    /** The title over the outcome-mix pie. */
    public static String mixTitle(DoctorRow row) {
        return row == null ? "Outcome mix" : "Outcome mix of " + row.doctorId();
    }

    /** The title over the weighted-score bars. */
    public static final String SCORES_TITLE = "Weighted score (average score x ln(cases + 1)) with IQR fences";

    /** The name of a ranking method in the method choice. */
    public static String methodLabel(RankingMethod m) {
        return switch (m) {
            case REFERENCE -> "Reference (weighted score)";
            case IQR -> "Weighted score, IQR fences";
            case ZSCORE -> "Weighted score, z-score";
            case FUNNEL -> "Funnel plot (rate of worse)";
        };
    }

    /** The method a label names, or null for text that names none. */
    public static RankingMethod methodOf(String label) {
        for (RankingMethod m : RankingMethod.values()) if (methodLabel(m).equals(label)) return m;
        return null;
    }

    /** What the ranking's outlier column says: which way a doctor stands out, or nothing. */
    public static String outlierText(Outlier outlier) {
        return outlier == null ? "" : outlier == Outlier.GOOD ? "better" : "worse";
    }

    /** The style classes a ranking row may carry, so a reused row drops the one it had. */
    public static final List<String> ROW_STYLES = List.of("outlier-good", "outlier-bad");

    /** The style class of a ranking row: which way the doctor stands out, or none. */
    public static Optional<String> rowStyle(DoctorRow row) {
        if (row == null || row.outlier() == null) return Optional.empty();
        return Optional.of(row.outlier() == Outlier.GOOD ? "outlier-good" : "outlier-bad");
    }

    public static String cases(long cases) {
        return String.format("%,d", cases); // grouped in the user's locale, as before
    }

    public static String score(double score) {
        return String.format(Locale.ROOT, "%.3f", score);
    }

    public static String rate(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** A tick of the funnel's rate axis, in whole percent unless the ticks are closer than one percent. */
    public static String rateTick(double rate, double tickUnit) {
        return String.format(Locale.ROOT, tickUnit < 0.01 ? "%.1f%%" : "%.0f%%", rate * 100);
    }

    /** Reads a tick label back into a rate. */
    public static double rateOfTick(String text) {
        return Double.parseDouble(text.replace("%", "")) / 100;
    }

    /** The non-empty categories of the doctor's outcome mix, best first, each labelled with count and share. */
    public static List<MixSlice> mix(DoctorRow row) {
        List<MixSlice> slices = new ArrayList<>();
        if (row == null) return slices;
        long total = row.outcomeMix().values().stream().mapToLong(Long::longValue).sum();
        row.outcomeMix().forEach((category, count) -> {
            if (count > 0) {
                slices.add(new MixSlice(category, count, String.format(Locale.ROOT, "%s: %,d (%.0f%%)", category, count,
                        100.0 * count / total)));
            }
        });
        return slices;
    }

    public ObjectProperty<RankingMethod> methodProperty() { return method; }
    public ReadOnlyObjectProperty<CaseMixAnalysis.Report> caseMixProperty() { return caseMix; }
    public ReadOnlyBooleanProperty caseMixLoadingProperty() { return caseMixLoading; }
    public ObjectProperty<DoctorReport> reportProperty() { return report; }
    public ObservableValue<String> summaryProperty() { return summary; }
    public ObservableValue<ControlLimits> funnelProperty() { return funnel; }
    public ObservableValue<RateAxis> funnelAxisProperty() { return funnelAxis; }
    public ObservableValue<ScoreBars> scoreBarsProperty() { return scoreBars; }
    public ObservableValue<String> caseMixSummaryProperty() { return caseMixSummary; }
    public ObservableValue<ControlLimits> caseMixChartProperty() { return caseMixChart; }
    public ObjectProperty<DoctorRow> selectedProperty() { return selected; }
}
