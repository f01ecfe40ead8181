package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.insight.CaseMixAnalysis;
import com.outcomedesk.insight.DoctorReport;
import com.outcomedesk.insight.DoctorRow;
import com.outcomedesk.insight.RankingMethod;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "doctors", description = "Rank doctors by outcome and flag outliers.")
final class DoctorsCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(names = "--method", defaultValue = "reference", paramLabel = "METHOD",
            description = "reference (weighted score, IQR fences, as the reference prints it), iqr, zscore, or funnel "
                    + "(worse-outcome rate with 99.8%% control limits). Default ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--case-mix", description = "Adjust for case mix instead: each doctor's observed worse outcomes "
            + "against those expected for their patients by the active model (without any doctor's effect).")
    boolean caseMix;

    @Override
    public Integer call() {
        RankingMethod chosen = RankingMethod.fromCode(method);
        try (Engine engine = root.openEngine()) {
            if (caseMix) return caseMix(engine);
            DoctorReport report = engine.doctors().ranking(root.actor(), chosen);
            if (report.rows().isEmpty()) {
                throw new IllegalStateException("No appointment with a known outcome yet: import some first (" + OutcomeDeskCli.LAUNCHER + " import FILE).");
            }
            json.print(spec.commandLine().getOut(), report.rows(), table(report));
            return 0;
        }
    }

    private int caseMix(Engine engine) {
        CaseMixAnalysis.Report report = engine.doctors().caseMix(root.actor(), engine.predictions().predictor());
        if (report.rows().isEmpty()) {
            throw new IllegalStateException("No appointment with a known outcome yet: import some first (" + OutcomeDeskCli.LAUNCHER + " import FILE).");
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-12s %7s %8s %9s %6s %13s %-7s%n",
                "doctor", "cases", "observed", "expected", "O/E", "99.8% limits", "outlier"));
        for (CaseMixAnalysis.Row r : report.rows()) {
            text.append(String.format(Locale.ROOT, "%-12s %7d %8d %9.1f %6.2f %6.2f-%-6.2f %-7s%n", r.doctorId(), r.cases(),
                    r.observedWorse(), r.expectedWorse(), r.ratio(), r.lower998(), r.upper998(),
                    r.outlier() == null ? "" : r.outlier().code()));
        }
        text.append(String.format(Locale.ROOT, "expected from %s, scaled by %.3f to the %d worse of %d outcomes",
                report.model(), report.scale(), report.observedWorse(), report.cases()));
        json.print(spec.commandLine().getOut(), report, text.toString());
        return 0;
    }

    private static String table(DoctorReport report) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-5s %-12s %7s %7s %9s %7s %7s %15s %-7s%n",
                "rank", "doctor", "cases", "avg", "weighted", "worse", "shrunk", "95% interval", "outlier"));
        for (DoctorRow r : report.rows()) {
            text.append(String.format(Locale.ROOT, "%-5d %-12s %7d %7.3f %9.3f %7.3f %7.3f %7.3f-%-7.3f %-7s%n",
                    r.rank(), r.doctorId(), r.cases(), r.averageScore(), r.weightedScore(), r.worseRate(), r.shrunkRate(),
                    r.lower(), r.upper(), r.outlier() == null ? "" : r.outlier().code()));
        }
        text.append(String.format(Locale.ROOT, "method %s; overall worse-outcome rate %.3f; IQR fences %.3f..%.3f",
                report.method().code(), report.overallRate(), report.scores().lowerFence(), report.scores().upperFence()));
        return text.toString();
    }
}
