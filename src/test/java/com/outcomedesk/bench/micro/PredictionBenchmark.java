package com.outcomedesk.bench.micro;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoDataWriter;
import com.outcomedesk.demo.DemoRecord;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.PredictionResult;
import com.outcomedesk.learn.Predictor;
import com.outcomedesk.learn.RiskTiers;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.store.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One prediction for one appointment, with a logistic model trained as the application trains it (3,000 generated
 * appointments imported into a throwaway store): the probability alone (the batch-scoring path) and the full answer with
 * tier, categories and explanation (what a user sees). The notes are other generated ones than those trained on.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PredictionBenchmark {
    private static final int TRAINING_RECORDS = 3_000;
    private Path dir;
    private Predictor predictor;
    private List<PredictionRequest> requests;
    private int next;

    @Setup
    public void train() throws IOException {
        dir = Files.createTempDirectory("outcome-desk-jmh");
        Path file = dir.resolve("demo.json");
        DemoDataWriter.write(new DemoDataGenerator(5, 40, 0.05), TRAINING_RECORDS, file, null, ProgressListener.NONE);
        try (Engine engine = Engine.open(StoreLocation.of(dir.resolve("store"), null))) {
            engine.importer().importFile(file, Actor.localUser(), ProgressListener.NONE);
            engine.training().train(new TrainingRequest(TrainingRequest.Algorithm.LOGREG, 3, true, 42, TrainingRequest.DEFAULT_BITS),
                    Actor.localUser(), ProgressListener.NONE);
            predictor = engine.predictions().predictor();
        }
        requests = new DemoNotes(13).all().stream()
                .map((DemoRecord r) -> new PredictionRequest(r.doctorId(), r.summary(), r.appointmentDate())).toList();
    }

    @TearDown
    public void removeStore() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private PredictionRequest nextRequest() {
        PredictionRequest r = requests.get(next);
        next = (next + 1) % requests.size();
        return r;
    }

    @Benchmark
    public double probability() {
        return predictor.probability(nextRequest());
    }

    @Benchmark
    public PredictionResult predictWithExplanation() {
        return predictor.predict(nextRequest(), RiskTiers.DEFAULT);
    }
}
