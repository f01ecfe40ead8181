package com.outcomedesk.bench.micro;

import com.outcomedesk.demo.DemoRecord;
import com.outcomedesk.outcome.KeywordRules;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeClassification;
import com.outcomedesk.outcome.OutcomeClassifier;
import com.outcomedesk.outcome.OutcomeText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

/**
 * Classifying one outcome text as an import does: through the mapping table when the phrasing is mapped, else through
 * the keyword rules (the slow path: the table here maps every other generated phrasing).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OutcomeClassificationBenchmark {
    private List<String> texts;
    private OutcomeClassifier classifier;
    private int next;

    @Setup
    public void generate() {
        DemoNotes notes = new DemoNotes(11);
        texts = notes.all().stream().map(DemoRecord::outcome).filter(Objects::nonNull).toList();
        Map<String, OutcomeCategory> mapped = new HashMap<>();
        for (int i = 0; i < notes.all().size(); i += 2) {
            DemoRecord r = notes.all().get(i);
            if (r.outcome() != null) mapped.put(OutcomeText.normalize(r.outcome()), r.trueCategory());
        }
        classifier = new OutcomeClassifier(mapped, KeywordRules.defaults());
    }

    @Benchmark
    public OutcomeClassification classify() {
        String text = texts.get(next);
        next = (next + 1) % texts.size();
        return classifier.classify(text);
    }
}
