package org.qchat.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void tasksRunOneAtATimeInSubmissionOrderOnAPoolOfManyThreads() throws InterruptedException {
        SerialExecutor serial = new SerialExecutor(pool);
        List<Integer> order = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1000);
        for (int i = 0; i < 1000; i++) {
            int n = i;
            serial.execute(() -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                order.add(n);
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactlyElementsOf(IntStream.range(0, 1000).boxed().toList());
        assertThat(maxRunning.get()).isEqualTo(1);
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesAfterIt() throws InterruptedException {
        SerialExecutor serial = new SerialExecutor(pool);
        CountDownLatch after = new CountDownLatch(1);
        serial.execute(() -> {
            throw new IllegalStateException("boom");
        });
        serial.execute(after::countDown);
        assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void tasksSubmittedAfterThePoolStoppedAreDroppedQuietly() {
        SerialExecutor serial = new SerialExecutor(pool);
        pool.shutdownNow();
        serial.execute(() -> {
        });
    }

    @Test
    void aTaskForAnIdleExecutorRunsOnTheCallingThread() {
        SerialExecutor serial = new SerialExecutor(pool);
        Thread[] ranOn = new Thread[1];
        serial.runNowOrQueue(() -> ranOn[0] = Thread.currentThread());
        assertThat(ranOn[0]).isSameAs(Thread.currentThread());
    }

    @Test
    void aTaskForABusyExecutorWaitsForTheEarlierOnesOnThePool() throws InterruptedException {
        SerialExecutor serial = new SerialExecutor(pool);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        serial.execute(() -> {
            await(release);
            order.add("first");
        });
        Thread caller = Thread.currentThread();
        serial.runNowOrQueue(() -> {
            order.add(Thread.currentThread() == caller ? "second, inline" : "second, queued");
            done.countDown();
        });
        assertThat(order).isEmpty();
        release.countDown();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("first", "second, queued");
    }

    @Test
    void tasksQueuedWhileAnInlineTaskRunsStartAfterIt() throws InterruptedException {
        SerialExecutor serial = new SerialExecutor(pool);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        serial.runNowOrQueue(() -> {
            serial.execute(() -> {
                order.add("queued");
                done.countDown();
            });
            order.add("inline");
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("inline", "queued");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
