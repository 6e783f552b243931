package org.qchat.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group-commit loop's rules: items written in submission order, one batch at a time, by the
 * submitting thread when allowed and free, by the committer's thread otherwise.
 */
class GroupCommitterTest {

    /** Items are (submitter, sequence); negative ones may only be written by the committer's thread. */
    private record Item(int submitter, int n) {
        boolean threadOnly() {
            return n < 0;
        }
    }

    private final List<Item> written = new CopyOnWriteArrayList<>();
    private final List<String> writers = new CopyOnWriteArrayList<>();
    private final AtomicInteger inWrite = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();
    private GroupCommitter<Item> committer;
    private final ExecutorService submitters = Executors.newFixedThreadPool(4);

    private GroupCommitter<Item> committer(boolean callersMayWrite) {
        return committer(callersMayWrite, 0);
    }

    private GroupCommitter<Item> committer(boolean callersMayWrite, long lingerNanos) {
        return new GroupCommitter<>("test-committer", 16, lingerNanos, new GroupCommitter.BatchWriter<>() {
            @Override
            public void write(List<Item> batch) {
                if (inWrite.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                writers.add(Thread.currentThread().getName());
                written.addAll(batch);
                inWrite.decrementAndGet();
            }

            @Override
            public void reject(Item item, Exception cause) {
            }

            @Override
            public boolean mayRunOnCaller(Item item) {
                return callersMayWrite && !item.threadOnly();
            }
        });
    }

    @AfterEach
    void stop() {
        submitters.shutdownNow();
        if (committer != null) {
            committer.close();
        }
    }

    @Test
    void anIdleCommitterLetsTheSubmittingThreadWriteAtOnce() {
        committer = committer(true);
        committer.submit(new Item(0, 1));
        assertThat(written).containsExactly(new Item(0, 1));
        assertThat(writers).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void anItemOnlyTheThreadMayWriteHoldsBackEverythingSubmittedAfterIt() {
        committer = committer(true);
        committer.submit(new Item(0, 1));
        committer.submit(new Item(0, -2));
        committer.submit(new Item(0, 3));
        assertThat(written).as("nothing overtakes the item waiting for the thread").containsExactly(new Item(0, 1));
        committer.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 3);
        assertThat(written).containsExactly(new Item(0, 1), new Item(0, -2), new Item(0, 3));
        assertThat(writers.subList(1, writers.size())).allMatch("test-committer"::equals);
    }

    @Test
    void manySubmittersKeepEachOnesOrderAndBatchesNeverOverlap() throws InterruptedException {
        committer = committer(true);
        committer.start();
        int perSubmitter = 5_000;
        CountDownLatch done = new CountDownLatch(4);
        for (int s = 0; s < 4; s++) {
            int submitter = s;
            submitters.execute(() -> {
                for (int n = 1; n <= perSubmitter; n++) {
                    // Every 100th item is for the thread only: callers and thread take turns.
                    committer.submit(new Item(submitter, n % 100 == 0 ? -n : n));
                }
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> written.size() == 4 * perSubmitter);
        assertThat(overlaps).hasValue(0);
        for (int s = 0; s < 4; s++) {
            int submitter = s;
            List<Integer> order = new ArrayList<>();
            written.stream().filter(i -> i.submitter() == submitter).forEach(i -> order.add(Math.abs(i.n())));
            assertThat(order).as("submitter %d's items in its order", submitter).isSorted().hasSize(perSubmitter);
        }
        assertThat(committer.queued()).isZero();
    }

    @Test
    void withoutCallerWritesOnlyTheThreadWritesAndCloseWritesWhatIsQueued() {
        committer = committer(false);
        for (int n = 1; n <= 40; n++) {
            committer.submit(new Item(0, n));
        }
        assertThat(written).isEmpty();
        committer.start();
        committer.close();
        assertThat(written).extracting(Item::n).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
        assertThat(writers).allMatch("test-committer"::equals);
    }

    @Test
    void withALingerItemsSubmittedOneByOneShareABatch() {
        committer = committer(false, TimeUnit.MILLISECONDS.toNanos(500));
        committer.start();
        for (int n = 1; n <= 5; n++) {
            committer.submit(new Item(0, n));
            // Paced submissions, as acks arrive: each one wakes the thread, which must keep lingering.
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 5);
        assertThat(writers).as("one batch: the submissions did not cut the linger short").hasSize(1);
    }
}
