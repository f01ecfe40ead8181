package com.outcomedesk.cli;

import com.outcomedesk.sync.ServerConfig;
import com.outcomedesk.bench.SyncBenchmark;
import java.util.ArrayList;
import java.util.List;
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
    @Option(names = "--transport", defaultValue = "direct", paramLabel = "T", description = "direct (a PostgreSQL login, "
            + "the default), http (through an OutcomeDesk Server on loopback over the same PostgreSQL) or both.")
    String transport;

    @Override
    public Integer call() {
        if (records < 1) throw new IllegalArgumentException("--records must be at least 1.");
        List<SyncBenchmark.Transport> transports = switch (transport.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "direct" -> List.of(SyncBenchmark.Transport.DIRECT);
            case "http" -> List.of(SyncBenchmark.Transport.HTTP);
            case "both" -> List.of(SyncBenchmark.Transport.DIRECT, SyncBenchmark.Transport.HTTP);
            default -> throw new IllegalArgumentException("--transport must be direct, http or both, not " + transport + ".");
        };
        ServerConfig config = new ServerConfig(server, user, System.getenv(SyncCommand.PASSWORD_ENV));
        List<SyncBenchmark.Result> results = new ArrayList<>();
        for (SyncBenchmark.Transport t : transports) results.add(SyncBenchmark.run(config, records, seed, t));
        String human = results.stream().map(r -> String.format("%d appointments %s via %s: pushed in %d ms (%.0f/s), "
                        + "pulled in %d ms (%.0f/s); heap limit %d MB, peak RSS %d MB (sites)%s, batch %d", r.records(),
                r.transport(), r.server(), r.pushMs(), r.pushedPerSecond(), r.pullMs(), r.pulledPerSecond(),
                r.maxHeapMb(), r.peakRssMb(), r.serverPeakRssMb() < 0 ? "" : " and " + r.serverPeakRssMb() + " MB (server)",
                r.batch())).collect(java.util.stream.Collectors.joining("\n"));
        json.print(spec.commandLine().getOut(), results.size() == 1 ? results.get(0) : java.util.Map.of("results", results),
                human);
        return 0;
    }
}
