package com.outcomedesk.cli;

import com.outcomedesk.bench.MonitorBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code java -jar target/outcome-desk.jar bench-monitor --records 1000000 --json}. */
@Command(name = "bench-monitor", description = "Benchmark: time 'monitor --json' on a temporary H2 store of N "
        + "appointments with outcomes and N saved predictions (filled in bulk first, not timed).")
final class BenchMonitorCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(names = "--records", defaultValue = "100000", paramLabel = "N", description = "How many appointments and "
            + "predictions (default ${DEFAULT-VALUE}).")
    long records;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated data.")
    long seed;
    @Option(names = "--keep", paramLabel = "DIR", description = "Fill the store in DIR/store and keep it there (to time "
            + "'monitor' on it afterwards).")
    java.nio.file.Path keep;

    @Override
    public Integer call() throws IOException {
        if (records < 1) throw new IllegalArgumentException("--records must be at least 1.");
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> result = MonitorBenchmark.run(records, seed, keep, (home, out) -> OutcomeDeskCli.run(
                new String[] {"--home", home.toString(), "monitor", "--json"}, new PrintWriter(out), err));
        json.print(spec.commandLine().getOut(), result, result.toString());
        return 0;
    }
}
