package com.outcomedesk.cli;

import com.outcomedesk.bench.BackupBenchmark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code java -Xmx512m -jar target/outcome-desk.jar bench-backup --records 1000000 --json}, or on a filled store:
 * {@code ... bench-backup --store DIR --scratch DIR --json}.
 */
@Command(name = "bench-backup", description = "Benchmark: back up, verify and restore an H2 store: a temporary one of N"
        + " demo records, or the one in --store.")
final class BenchBackupCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(names = "--records", defaultValue = "100000", description = "How many records (default ${DEFAULT-VALUE}).")
    long records;
    @Option(names = "--seed", defaultValue = "1")
    long seed;
    @Option(names = "--store", description = "Back up the H2 store in this data directory (it must not be open) instead"
            + " of importing demo records; the backup is recorded in its audit trail.")
    Path store;
    @Option(names = "--scratch", description = "Where the backup and the restored store are written (default: the"
            + " system's temporary directory); deleted afterwards.")
    Path scratch;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> result = BackupBenchmark.run(new BackupBenchmark.Options(records, seed,
                Optional.ofNullable(store), Optional.ofNullable(scratch)));
        json.print(spec.commandLine().getOut(), result, result.toString());
        return 0;
    }
}
