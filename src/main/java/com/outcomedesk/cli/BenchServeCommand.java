package com.outcomedesk.cli;

import com.outcomedesk.bench.ServeBenchmark;
import com.outcomedesk.learn.TrainingRequest;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-serve", description = {"Load the HTTP server: it starts in this JVM on a loopback port over a "
        + "throwaway H2 store of demo appointments with a trained model, with its rate limits raised; N clients call "
        + "POST /api/v1/predict for a fixed time, then one /predict/batch streams NDJSON rows.",
        "Targets: /predict >= 5,000 requests/s with p99 <= 20 ms at 32 clients and no errors; batch >= 200,000 rows/s."})
final class BenchServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;
    @Option(names = "--seconds", defaultValue = "30", description = "Measured time on /predict (default ${DEFAULT-VALUE}).")
    int seconds;
    @Option(names = "--warmup-seconds", defaultValue = "5", description = "Unmeasured load first (default ${DEFAULT-VALUE}).")
    int warmupSeconds;
    @Option(names = "--batch-rows", defaultValue = "100000", description = "Rows in the batch request (default ${DEFAULT-VALUE}; 0 skips).")
    long batchRows;
    @Option(names = "--soak-minutes", defaultValue = "0", description = "Then keep the /predict load on this long, sampling "
            + "RSS every 10 s (default ${DEFAULT-VALUE}).")
    int soakMinutes;
    @Option(names = "--records", defaultValue = "10000", description = "Demo appointments in the store the model is trained "
            + "on (default ${DEFAULT-VALUE}).")
    long records;
    @Option(names = "--algorithm", defaultValue = "auto", paramLabel = "auto|logreg|forest|gbm",
            description = "Model to train and activate, as train takes it (default ${DEFAULT-VALUE}).")
    String algorithm;
    @Option(names = "--wrk", description = "Also load /predict from wrk (Debian's package), a separate process, for the "
            + "same time and clients: the figures are then the server's without an in-process client's cost.")
    boolean wrk;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> r = ServeBenchmark.run(new ServeBenchmark.Settings(clients, seconds, warmupSeconds, batchRows,
                soakMinutes, records, algorithm(), wrk), this::progress);
        json.print(spec.commandLine().getOut(), r, JsonOption.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r));
        return 0;
    }

    private TrainingRequest.Algorithm algorithm() {
        try {
            return TrainingRequest.Algorithm.valueOf(algorithm.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown algorithm '" + algorithm + "': use auto, logreg, forest or gbm");
        }
    }

    private void progress(String step) {
        spec.commandLine().getErr().println("bench-serve: " + step);
        spec.commandLine().getErr().flush();
    }
}
