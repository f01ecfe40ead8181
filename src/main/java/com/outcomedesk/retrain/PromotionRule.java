package com.outcomedesk.retrain;

import com.outcomedesk.learn.ChallengerEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides from the evidence alone whether a challenger replaces the champion. It must beat the champion's AUC on the
 * most recent time-ordered holdout (the honest estimate of the future) by at least the margin, be no worse calibrated
 * there beyond the tolerance, and its algorithm must be no worse than the champion's on the same folds. Anything not
 * measured (no holdout, a figure that is not a number) keeps the champion: a challenger is never promoted unmeasured.
 * Only with no usable champion is a challenger promoted without a comparison. Pure: no store, no clock.
 */
public final class PromotionRule {
    private PromotionRule() {
    }

    /** What a run decided and why, one reason a line. */
    public record Verdict(RetrainDecision.Outcome outcome, List<String> reasons) {
    }

    public static Verdict decide(ChallengerEvidence e, RetrainingPolicy policy) {
        List<String> reasons = new ArrayList<>();
        boolean better;
        if (!e.hasChampion()) {
            better = true;
            reasons.add("No model version is active (or its artifact cannot be used here): the challenger has no champion to beat.");
        } else if (e.holdout() == null) {
            better = false;
            reasons.add("Too few dated appointments with outcomes for a time-ordered holdout: the challenger could not be measured "
                    + "against the champion.");
        } else {
            ChallengerEvidence.Holdout h = e.holdout();
            double gain = h.challengerAuc() - number(h.championAuc());
            boolean auc = gain > 0 && gain >= policy.aucMargin();
            reasons.add(String.format(Locale.ROOT, "Holdout AUC (%,d appointments from %s): challenger %.3f, champion %.3f, %+.3f; "
                    + "at least +%.3f needed: %s.", h.testRows(), h.cutoff(), h.challengerAuc(), number(h.championAuc()), gain,
                    policy.aucMargin(), auc ? "better" : "not better by the margin"));
            double worse = h.challengerCalibrationError() - number(h.championCalibrationError());
            boolean calibration = worse <= policy.calibrationTolerance();
            reasons.add(String.format(Locale.ROOT, "Holdout calibration error: challenger %.3f, champion %.3f, %+.3f; at most +%.3f "
                    + "allowed: %s.", h.challengerCalibrationError(), number(h.championCalibrationError()), worse,
                    policy.calibrationTolerance(), calibration ? "no worse" : "worse calibrated"));
            boolean folds = true;
            ChallengerEvidence.Folds f = e.folds();
            if (f != null && f.championAuc() != null) {
                double gap = f.challengerAuc() - f.championAuc();
                folds = gap >= 0;
                reasons.add(String.format(Locale.ROOT, "Same %d folds: %s %.3f, the champion's %s %.3f: %s.", f.folds() * f.repeats(),
                        e.challengerAlgorithm(), f.challengerAuc(), e.championAlgorithm(), f.championAuc(),
                        folds ? "no worse" : "worse"));
            } else {
                reasons.add("The champion's algorithm (" + e.championAlgorithm() + ") was not cross-validated on these folds; "
                        + "compared on the holdout only.");
            }
            better = auc && calibration && folds;
        }
        RetrainDecision.Outcome outcome;
        if (!better) {
            outcome = RetrainDecision.Outcome.KEPT;
            reasons.add(e.hasChampion() ? "Kept version " + e.championVersion() + "; version " + e.challengerVersion()
                    + " stays a candidate." : "Kept: nothing activated.");
        } else if (policy.mode().activates()) {
            outcome = RetrainDecision.Outcome.PROMOTED;
            reasons.add("Promoted version " + e.challengerVersion() + " under the policy: " + policy.describe() + ".");
        } else {
            outcome = RetrainDecision.Outcome.RECOMMENDED;
            reasons.add("Version " + e.challengerVersion() + " would be promoted, but the policy is manual: an administrator decides "
                    + "whether to activate it.");
        }
        return new Verdict(outcome, List.copyOf(reasons));
    }

    /** A missing champion figure reads as not a number, so every comparison with it fails (the champion is kept). */
    private static double number(Double d) {
        return d == null ? Double.NaN : d;
    }
}
