package com.outcomedesk.cli;

import com.outcomedesk.bench.InsightBenchmark;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench-insight", description = "Time doctor ranking and disease profiling on throwaway H2 stores "
        + "(targets: 10,000,000 appointments ranked in 5 s; 1,000,000 profiled in 20 s).")
final class BenchInsightCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(names = "--records", defaultValue = "10000000", description = "Appointments to rank (default ${DEFAULT-VALUE}); 0 skips.")
    long records;
    @Option(names = "--profile-records", defaultValue = "1000000", description = "Appointments to profile (default ${DEFAULT-VALUE}); 0 skips.")
    long profileRecords;
    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated summaries.")
    long seed;

    @Override
    public Integer call() {
        if (records < 0 || profileRecords < 0) throw new IllegalArgumentException("--records and --profile-records must not be negative");
        Map<String, Object> result = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        if (records > 0) {
            InsightBenchmark.Ranking r = InsightBenchmark.ranking(records, this::progress);
            result.put("ranking", r);
            text.append(String.format(Locale.ROOT, "ranking: %d appointments, %d doctors ranked in %.2f s (%.2f s CPU; populated in %.1f s)%n",
                    r.records(), r.doctors(), r.rankingSeconds(), r.rankingCpuSeconds(), r.populateSeconds()));
        }
        if (profileRecords > 0) {
            InsightBenchmark.Profiling p = InsightBenchmark.profiling(profileRecords, seed, this::progress);
            result.put("profiling", p);
            text.append(String.format(Locale.ROOT, "profiling: %d appointments profiled in %.2f s (%.2f s CPU),"
                    + " %d diseases grouped into %d in %.2f s (populated in %.1f s)%n", p.records(), p.profileSeconds(),
                    p.profileCpuSeconds(), p.diseases(), p.groups(), p.clusterSeconds(), p.populateSeconds()));
        }
        result.put("cpus", Runtime.getRuntime().availableProcessors());
        json.print(spec.commandLine().getOut(), result, text.toString().stripTrailing());
        return 0;
    }

    private void progress(String step) {
        spec.commandLine().getErr().println("bench-insight: " + step);
        spec.commandLine().getErr().flush();
    }
}
