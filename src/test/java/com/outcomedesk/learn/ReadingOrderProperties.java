package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoRecord;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.text.Featurizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The store hands labelled rows over in whatever order it keeps them; training puts them in id order, so the same rows
 * give the same dataset, folds and fingerprint however they were stored.
 */
class ReadingOrderProperties {
    private static final Featurizer FEATURIZER = new Featurizer(TrainingRequest.DEFAULT_BITS, ClinicalEntityExtractor.defaults());

    @Property(tries = 200)
    void theOrderSortsTheIdsAsTheirTextSorts(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3000) int size) {
        Random random = new Random(seed);
        // Few distinct leading halves, so that many ids share the bits the primitive sort looks at first.
        long[] highs = {random.nextLong(), random.nextLong(), Long.MIN_VALUE, -1L, 0L, random.nextLong() & 0xFFFFFFFFL};
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            long high = random.nextBoolean() ? highs[random.nextInt(highs.length)] : random.nextLong();
            ids.add(new UUID(high, random.nextInt(4) == 0 ? random.nextInt(8) : random.nextLong()));
        }
        IdOrder order = new IdOrder();
        ids.forEach(order::add);
        int[] o = order.order();
        assertThat(Arrays.stream(o).sorted().toArray()).as("a permutation").isEqualTo(java.util.stream.IntStream.range(0, size).toArray());
        List<String> sorted = ids.stream().map(UUID::toString).sorted().toList();
        for (int i = 0; i < size; i++) assertThat(ids.get(o[i]).toString()).isEqualTo(sorted.get(i));
    }

    @Property(tries = 20)
    void theSameRowsReadInAnyOrderGiveTheSameDatasetAndFingerprint(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int size) {
        DemoDataGenerator generator = new DemoDataGenerator(seed, 7, 0);
        List<DemoRecord> records = new ArrayList<>();
        for (int i = 0; i < size; i++) records.add(generator.next());
        List<DemoRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(seed));
        DatasetBuilder.Built a = inIdOrder(records), b = inIdOrder(shuffled);
        assertThat(b.fingerprint()).isEqualTo(a.fingerprint()).startsWith("sha256:");
        assertThat(rows(b.dataset())).isEqualTo(rows(a.dataset()));

        List<DemoRecord> byId = new ArrayList<>(records);
        byId.sort(Comparator.comparing(DemoRecord::id));
        DatasetBuilder plain = new DatasetBuilder(FEATURIZER);
        byId.forEach(r -> plain.add(r.id(), r.doctorId(), r.summary(), r.appointmentDate(), r.trueCategory()));
        assertThat(rows(plain.build().dataset())).as("rows already in id order are left as they are").isEqualTo(rows(a.dataset()));
        if (size > 1) {
            DatasetBuilder changed = new DatasetBuilder(FEATURIZER);
            byId.forEach(r -> changed.add(r.id(), r.doctorId(), r == byId.get(0) ? r.summary() + " again" : r.summary(),
                    r.appointmentDate(), r.trueCategory()));
            assertThat(changed.build().fingerprint()).as("one summary changed").isNotEqualTo(a.fingerprint());
        }
    }

    private static DatasetBuilder.Built inIdOrder(List<DemoRecord> records) {
        DatasetBuilder builder = new DatasetBuilder(FEATURIZER);
        IdOrder ids = new IdOrder();
        for (DemoRecord r : records) {
            builder.add(r.id(), r.doctorId(), r.summary(), r.appointmentDate(), r.trueCategory());
            ids.add(UUID.fromString(r.id()));
        }
        return builder.build(ids.order());
    }

    private static List<String> rows(Dataset data) {
        List<String> rows = new ArrayList<>();
        int[][] buf = {new int[64]};
        for (int r = 0; r < data.rows(); r++) {
            int n = data.features(r, Dataset.ALL, buf);
            rows.add(data.category(r) + " " + Arrays.toString(Arrays.copyOf(buf[0], n)));
        }
        return rows;
    }
}
