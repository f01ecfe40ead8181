package com.outcomedesk.bench.micro;

import com.outcomedesk.demo.DemoRecord;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.text.Featurizer;
import com.outcomedesk.text.Tokens;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** One note's way into the model: its tokens, and every hashed feature of the appointment (as training and prediction make them). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NoteFeaturesBenchmark {
    private DemoNotes notes;
    private Featurizer featurizer;

    @Setup
    public void generate() {
        notes = new DemoNotes(7);
        featurizer = new Featurizer(TrainingRequest.DEFAULT_BITS, ClinicalEntityExtractor.defaults());
    }

    @Benchmark
    public Tokens tokenise() {
        return Tokens.of(notes.next().summary());
    }

    @Benchmark
    public void featurise(Blackhole features) {
        DemoRecord r = notes.next();
        featurizer.featurize(r.doctorId(), r.summary(), r.appointmentDate(), false, (group, index, name) -> features.consume(index));
    }
}
