package com.outcomedesk.cli;

import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.documents.RetrainDocuments;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.retrain.RetrainDecision;
import com.outcomedesk.retrain.RetrainingPolicy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "retrain", description = {"The retraining policy and its decisions. A run trains a challenger, compares it "
        + "with the active model on the same most recent time-ordered holdout and the same folds, and activates it only "
        + "under an automatic policy (schedule or on-alert) when it is better by the margin and no worse calibrated.",
        "Without options, shows the policy and the decisions. --due runs only when the policy says a run is due (for cron)."})
final class RetrainCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;
    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Change the policy (administrators): mode=manual|schedule|"
            + "on-alert, everyDays=N, aucMargin=0.01, calibrationTolerance=0.01.")
    List<String> set = List.of();
    @Option(names = "--run", description = "Run the policy now (administrators); the policy still decides about activation.")
    boolean run;
    @Option(names = "--due", description = "Run the policy only if it is due (schedule passed, or a new drift or performance alert).")
    boolean due;

    @Override
    public Integer call() {
        if (run && due) throw new IllegalArgumentException("Give --run or --due, not both.");
        try (Engine engine = root.openEngine()) {
            var out = spec.commandLine().getOut();
            RetrainingPolicy policy = engine.retraining().policy();
            for (String s : set) {
                int eq = s.indexOf('=');
                if (eq < 1) throw new IllegalArgumentException("Give a policy setting as NAME=VALUE, e.g. --set mode=on-alert.");
                policy = engine.retraining().set(s.substring(0, eq).strip(), s.substring(eq + 1), root.actor());
            }
            if (run || due) {
                Optional<RetrainDecision> d = run ? Optional.of(engine.retraining().runNow(root.actor(), ProgressListener.NONE))
                        : engine.retraining().runIfDue(ProgressListener.NONE);
                json.print(out, d.map(RetrainDocuments::decision).orElse(null),
                        d.map(RetrainCommand::decision).orElse("Not due under the policy: " + policy.describe() + "."));
                return 0;
            }
            List<RetrainDecision> decisions = engine.retraining().decisions();
            json.print(out, RetrainDocuments.retraining(policy, decisions), human(policy, decisions));
            return 0;
        }
    }

    static String human(RetrainingPolicy policy, List<RetrainDecision> decisions) {
        StringBuilder s = new StringBuilder("Retraining policy: " + policy.describe()
                + (policy.setBy() == null ? " (default)" : " (set by " + policy.setBy() + ")") + "\n");
        s.append(decisions(decisions));
        return s.toString().stripTrailing();
    }

    /** The decisions one a line, newest first; shared by 'models' and 'monitor'. */
    static String decisions(List<RetrainDecision> decisions) {
        if (decisions.isEmpty()) return "No retraining decisions yet.";
        StringBuilder s = new StringBuilder("Retraining decisions:\n");
        for (RetrainDecision d : decisions) {
            s.append("  ").append(d.summary()).append(" by ").append(d.decidedBy()).append('\n');
            s.append("    ").append(d.reasons().get(d.reasons().size() - 1)).append('\n');
        }
        return s.toString().stripTrailing();
    }

    private static String decision(RetrainDecision d) {
        StringBuilder s = new StringBuilder(d.summary()).append('\n');
        for (String r : d.reasons()) s.append("* ").append(r).append('\n');
        return s.toString().stripTrailing();
    }
}
