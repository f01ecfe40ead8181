package com.outcomedesk.cli;

import com.outcomedesk.bench.ImportBenchmark;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Measures import of N demo records into a fresh embedded store. Run it with the heap capped to check the
 * memory target: {@code java -Xmx512m -jar target/outcome-desk.jar bench-import --records 1000000 --json};
 * {@code --encrypted} measures an encrypted store.
 */
@Command(name = "bench-import", description = "Benchmark: import N generated records into a fresh temporary H2 store.")
final class BenchImportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(names = "--records", defaultValue = "1000000", description = "How many records (default ${DEFAULT-VALUE}).")
    long records;
    @Option(names = "--seed", defaultValue = "1")
    long seed;
    @Option(names = "--encrypted", description = "Import into an encrypted store, signed in as its administrator.")
    boolean encrypted;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> result = ImportBenchmark.run(records, seed, encrypted);
        json.print(spec.commandLine().getOut(), result, result.toString());
        return 0;
    }
}
