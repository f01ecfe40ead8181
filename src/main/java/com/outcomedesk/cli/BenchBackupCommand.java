package com.outcomedesk.cli;

import com.outcomedesk.bench.BackupBenchmark;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code java -Xmx512m -jar target/outcome-desk.jar bench-backup --records 1000000 --json}. */
@Command(name = "bench-backup", description = "Benchmark: back up, verify and restore a temporary H2 store of N demo records.")
final class BenchBackupCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(names = "--records", defaultValue = "100000", description = "How many records (default ${DEFAULT-VALUE}).")
    long records;
    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> result = BackupBenchmark.run(records, seed);
        json.print(spec.commandLine().getOut(), result, result.toString());
        return 0;
    }
}
