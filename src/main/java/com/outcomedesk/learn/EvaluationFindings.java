package com.outcomedesk.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-language findings of an evaluation, including the unwelcome ones (no better than a baseline). */
final class EvaluationFindings {
    /** An AUC gain below this is within fold noise on small data and not worth a user's trust. */
    static final double MEANINGFUL_AUC_GAIN = 0.02;

    private EvaluationFindings() {
    }

    static List<String> of(List<Evaluation.CandidateResult> results, List<Evaluation.CandidateResult> ablation,
                           Evaluation.CandidateResult best, Evaluation.CategoryResult categories) {
        List<String> notes = new ArrayList<>();
        Interval auc = best.metrics().get(Metric.AUC);
        Interval accuracy = best.metrics().get(Metric.ACCURACY);
        notes.add(String.format(Locale.ROOT, "Selected %s by cross-validated AUC %.3f (95%% interval %.3f-%.3f); accuracy %.1f%%.",
                best.name(), auc.mean(), auc.low(), auc.high(), 100 * accuracy.mean()));
        if (accuracy.mean() < 0.75) {
            notes.add(String.format(Locale.ROOT, "Honest held-out accuracy is %.1f%%, well below 75%%: treat predictions as a "
                    + "rough risk signal, not a forecast.", 100 * accuracy.mean()));
        }
        Evaluation.CandidateResult majority = find(results, Candidate.MAJORITY);
        Evaluation.CandidateResult doctorRate = find(results, Candidate.DOCTOR_RATE);
        if (majority != null) {
            double gain = accuracy.mean() - majority.metrics().get(Metric.ACCURACY).mean();
            notes.add(String.format(Locale.ROOT, "Always predicting the commoner outcome is right %.1f%% of the time; the selected model %s.",
                    100 * majority.metrics().get(Metric.ACCURACY).mean(),
                    gain < 0.01 ? "is no more accurate than that" : String.format(Locale.ROOT, "adds %.1f points", 100 * gain)));
        }
        if (doctorRate != null && !best.name().equals(Candidate.DOCTOR_RATE)) {
            double gain = auc.mean() - doctorRate.auc();
            if (gain < MEANINGFUL_AUC_GAIN) {
                notes.add(String.format(Locale.ROOT, "The model does not beat the doctor-rate baseline meaningfully (AUC %.3f vs %.3f): "
                        + "the summaries carry little signal beyond who the doctor is.", auc.mean(), doctorRate.auc()));
            }
        }
        if (best.name().equals(Candidate.MAJORITY) || best.name().equals(Candidate.DOCTOR_RATE)) {
            notes.add("A baseline scored best: no learned model beat it on held-out data.");
        }
        Evaluation.CandidateResult doctorOnly = find(ablation, "doctor only");
        Evaluation.CandidateResult both = find(ablation, "doctor and text");
        Evaluation.CandidateResult textOnly = find(ablation, "text only");
        if (doctorOnly != null && both != null && textOnly != null) {
            double added = both.auc() - doctorOnly.auc();
            notes.add(String.format(Locale.ROOT, "Ablation AUC: doctor only %.3f, text only %.3f, both %.3f; the summary text %s.",
                    doctorOnly.auc(), textOnly.auc(), both.auc(),
                    added < -0.01 ? "makes it worse (the model overfits the text on so few rows)"
                            : added < 0.01 ? "adds almost nothing" : String.format(Locale.ROOT, "adds %.3f AUC over the doctor alone", added)));
        }
        notes.add(String.format(Locale.ROOT, "Five outcome categories: macro-F1 %.3f, accuracy %.1f%%.",
                categories.macroF1().mean(), 100 * categories.accuracy().mean()));
        return notes;
    }

    private static Evaluation.CandidateResult find(List<Evaluation.CandidateResult> list, String name) {
        return list.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }
}
