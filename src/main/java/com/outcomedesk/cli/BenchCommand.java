package com.outcomedesk.cli;

import com.outcomedesk.bench.LearningBenchmark;
import com.outcomedesk.common.ProgressListener;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", description = {"Benchmark the learning engine on generated demo records (in memory, no store).",
        "Run with a bounded heap to check the memory target, e.g. java -Xmx1g -jar outcome-desk.jar bench --records 1000000 --json"})
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin JsonOption json;
    @Option(names = "--records", defaultValue = "100000", description = "Demo records to generate (default: ${DEFAULT-VALUE}).")
    long records;
    @Option(names = "--seed", defaultValue = "7", description = "Seed of the demo data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> result = new LearningBenchmark(records, seed, ProgressListener.NONE).run();
        json.print(spec.commandLine().getOut(), result, JsonOption.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        return 0;
    }
}
