package com.outcomedesk.cli;

import com.outcomedesk.sync.ServerConfig;
import com.outcomedesk.bench.SyncBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-sync", description = "Measure sync throughput over the network to a PostgreSQL server: "
        + "one throw-away site pushes N appointments into a scratch schema, a second one pulls them.")
final class BenchSyncCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(names = "--records", defaultValue = "100000", paramLabel = "N", description = "Appointments (default ${DEFAULT-VALUE}).")
    long records;
    @Option(names = "--server", defaultValue = "jdbc:postgresql://127.0.0.1:5432/test", paramLabel = "JDBC_URL",
            description = "PostgreSQL server; a scratch schema is created and dropped (default ${DEFAULT-VALUE}).")
    String server;
    @Option(names = "--server-user", defaultValue = "postgres", paramLabel = "U", description = "Server user; the password "
            + "comes from $" + SyncCommand.PASSWORD_ENV + ".")
    String user;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated data.")
    long seed;

    @Override
    public Integer call() {
        if (records < 1) throw new IllegalArgumentException("--records must be at least 1.");
        SyncBenchmark.Result r = SyncBenchmark.run(
                new ServerConfig(server, user, System.getenv(SyncCommand.PASSWORD_ENV)), records, seed);
        json.print(spec.commandLine().getOut(), r, String.format(
                "%d appointments via %s: pushed in %d ms (%.0f/s), pulled in %d ms (%.0f/s); heap limit %d MB, batch %d",
                r.records(), r.server(), r.pushMs(), r.pushedPerSecond(), r.pullMs(), r.pulledPerSecond(),
                r.maxHeapMb(), r.batch()));
        return 0;
    }
}
