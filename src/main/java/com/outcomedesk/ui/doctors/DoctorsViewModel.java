package com.outcomedesk.ui.doctors;

import com.outcomedesk.insight.CaseMixAnalysis;
import com.outcomedesk.insight.DoctorInsights;
import com.outcomedesk.insight.DoctorReport;
import com.outcomedesk.insight.DoctorRow;
import com.outcomedesk.insight.FunnelLimit;
import com.outcomedesk.insight.Outlier;
import com.outcomedesk.insight.RankingMethod;
import com.outcomedesk.learn.Predictor;
import com.outcomedesk.security.Actor;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
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

/** The doctors screen: the ranking by the chosen method, the chosen doctor, and on request the case-mix comparison. */
public final class DoctorsViewModel {
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
            dialogs.error("Could not rank the doctors", Problems.describe(failure));
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
            dialogs.error("Could not adjust for case mix", Problems.describe(failure));
        });
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
    public ObjectProperty<DoctorRow> selectedProperty() { return selected; }
}
