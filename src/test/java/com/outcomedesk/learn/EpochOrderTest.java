package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EpochOrderTest {

    @Test
    void everyEpochVisitsEachRowOnceInASeededOrderOfShuffledBlocks() {
        int[] rows = IntStream.range(0, LogisticTrainer.BLOCKED_FROM + 1_000).map(i -> 3 * i + 1).toArray();
        int[] a = rows.clone(), b = rows.clone();
        SplittableRandom ra = new SplittableRandom(5), rb = new SplittableRandom(5);
        for (int epoch = 0; epoch < 2; epoch++) {
            LogisticTrainer.epochOrder(rows, a, ra);
            LogisticTrainer.epochOrder(rows, b, rb);
            assertThat(a).isEqualTo(b).isNotEqualTo(rows);
            assertThat(Arrays.stream(a).sorted().toArray()).isEqualTo(rows);
            // The visits go block by block: the block (BLOCK consecutive rows) changes only between blocks.
            int changes = 0;
            for (int k = 1; k < a.length; k++) if (block(a[k]) != block(a[k - 1])) changes++;
            int blocks = (rows.length + LogisticTrainer.BLOCK - 1) / LogisticTrainer.BLOCK;
            assertThat(changes).isEqualTo(blocks - 1);
        }
    }

    private static int block(int row) {
        return (row - 1) / 3 / LogisticTrainer.BLOCK;
    }

    @Test
    void fewerRowsAreShuffledWhole() {
        int[] rows = IntStream.range(0, 1_000).toArray();
        int[] order = rows.clone(), expected = rows.clone();
        LogisticTrainer.epochOrder(rows, order, new SplittableRandom(9));
        LogisticTrainer.shuffle(expected, new SplittableRandom(9));
        assertThat(order).isEqualTo(expected);
    }
}
