package com.outcomedesk.bench.micro;

import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated appointments handed out in turn, so that a benchmark sees varied notes rather than one the JIT and the
 * branch predictor could learn by heart. Not thread-safe: one per benchmark thread.
 */
final class DemoNotes {
    static final int COUNT = 1_024;
    private final List<DemoRecord> records;
    private int next;

    DemoNotes(long seed) {
        DemoDataGenerator generator = new DemoDataGenerator(seed, 40, 0.05);
        List<DemoRecord> list = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) list.add(generator.next());
        this.records = List.copyOf(list);
    }

    DemoRecord next() {
        DemoRecord r = records.get(next);
        next = (next + 1) % COUNT;
        return r;
    }

    List<DemoRecord> all() {
        return records;
    }
}
