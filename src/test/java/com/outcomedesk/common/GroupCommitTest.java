package com.outcomedesk.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    @Test
    void aLoneCallerWritesItsOwnItemBeforeReturning() {
        List<List<Integer>> batches = new ArrayList<>();
        GroupCommit<Integer> commit = new GroupCommit<>(batches::add, 10);
        commit.submit(1);
        assertThat(batches).containsExactly(List.of(1));
        commit.submit(2);
        assertThat(batches).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void callersArrivingDuringAWriteShareTheNextOneAndEveryItemIsWrittenOnce() throws Exception {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        GroupCommit<Integer> commit = new GroupCommit<>(batch -> {
            batches.add(batch);
            if (batch.equals(List.of(0))) {
                firstWriteStarted.countDown();
                await(othersQueued);
            }
        }, 3);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<?> first = pool.submit(() -> commit.submit(0));
            await(firstWriteStarted);
            List<Future<?>> rest = new ArrayList<>();
            for (int i = 1; i <= 7; i++) {
                int item = i;
                rest.add(pool.submit(() -> commit.submit(item)));
            }
            Thread.sleep(200); // the seven are queued behind the first write
            othersQueued.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> f : rest) f.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(batches.stream().flatMap(List::stream)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(batches).allSatisfy(b -> assertThat(b.size()).isBetween(1, 3));
        assertThat(batches.size()).as("seven waiting items in batches of at most three").isLessThanOrEqualTo(1 + 3);
    }

    @Test
    void aFailedWriteFailsItsCallerAndTheNextWriteGoesOn() {
        List<List<String>> written = new ArrayList<>();
        GroupCommit<String> commit = new GroupCommit<>(batch -> {
            if (batch.contains("bad")) throw new IllegalStateException("the store refused");
            written.add(batch);
        }, 10);
        assertThatThrownBy(() -> commit.submit("bad")).hasMessage("the store refused");
        commit.submit("good");
        assertThat(written).containsExactly(List.of("good"));
    }

    @Test
    void aBatchThatFailsIsWrittenAgainOneByOneSoOnlyTheBadItemsCallerFails() throws Exception {
        List<List<String>> written = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        GroupCommit<String> commit = new GroupCommit<>(batch -> {
            if (batch.equals(List.of("first"))) {
                firstWriteStarted.countDown();
                await(othersQueued);
            }
            if (batch.contains("bad")) throw new IllegalStateException("the store refused");
            written.add(batch);
        }, 10);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> first = pool.submit(() -> commit.submit("first"));
            await(firstWriteStarted);
            Future<?> a = pool.submit(() -> commit.submit("a"));
            Future<?> bad = pool.submit(() -> commit.submit("bad"));
            Future<?> b = pool.submit(() -> commit.submit("b"));
            Thread.sleep(200); // the three are queued behind the first write
            othersQueued.countDown();
            first.get(10, TimeUnit.SECONDS);
            a.get(10, TimeUnit.SECONDS);
            b.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the store refused");
        } finally {
            pool.shutdownNow();
        }
        assertThat(written.stream().flatMap(List::stream)).containsExactlyInAnyOrder("first", "a", "b");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
