package org.qchat.bench.workload;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.qchat.bench.load.BenchClient;
import org.qchat.bench.load.EventLoop;
import org.qchat.bench.load.LatencyStats;
import org.qchat.bench.load.OpenLoopPacer;
import org.qchat.bench.sut.Target;

/**
 * Runs one open-loop step: sends at a fixed rate for a fixed time, round-robin over the senders,
 * then waits a grace period for the last deliveries, and reads what the fleet, the server (/proc)
 * and the generator itself spent.
 */
public final class Measurement {

    /** How a sender sends one message. */
    public interface Send {
        void send(BenchClient client, int step, long intendedNanos);
    }

    /** Above this share of its core the generator may itself be the bottleneck. */
    static final double GENERATOR_CPU_LIMIT = 0.85;
    /** Sends issued later than this (p99) mean the generator could not keep its schedule. */
    static final double LAG_LIMIT_MILLIS = 2.0;

    private final EventLoop loop;
    private final Fleet fleet;
    private final Target target;
    private final Duration grace;
    private final LongSupplier generatorCpuNanos;
    private int nextStep;

    /** Steps whose generator CPU is the whole generator process's. */
    public Measurement(EventLoop loop, Fleet fleet, Target target, Duration grace) {
        this(loop, fleet, target, grace, processCpu());
    }

    /**
     * Steps whose generator CPU is what {@code generatorCpuNanos} counts: the loop's own thread,
     * where other threads of the generator do other work on purpose (W8's file transfers).
     */
    public Measurement(EventLoop loop, Fleet fleet, Target target, Duration grace, LongSupplier generatorCpuNanos) {
        this.loop = loop;
        this.fleet = fleet;
        this.target = target;
        this.grace = grace;
        this.generatorCpuNanos = generatorCpuNanos;
    }

    private static LongSupplier processCpu() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os::getProcessCpuTime;
    }

    /**
     * Sends {@code rate} messages per second for {@code duration}, from {@code senders} in turn;
     * each send should cause {@code fanout} deliveries and, if {@code acked}, one ack.
     */
    public StepResult step(double rate, Duration duration, int[] senders, Send send, int fanout) {
        int step = nextStep++;
        LatencyStats lag = new LatencyStats();
        CompletableFuture<long[]> sending = new CompletableFuture<>();
        long cpu0 = target.cpuNanos();
        long gen0 = generatorCpuNanos.getAsLong();
        long wall0 = System.nanoTime();
        loop.execute(() -> {
            fleet.beginStep(step);
            OpenLoopPacer pacer = new OpenLoopPacer(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2), rate,
                    duration.toNanos());
            new Pacing(pacer, senders, send, step, lag, sending).schedule();
        });
        long sent = sending.join()[0];
        long expected = sent * fanout;
        Poll.until(() -> loop.call(fleet::delivered) >= expected, grace);
        long wall = System.nanoTime() - wall0;
        long cpu = target.cpuNanos() - cpu0;
        double genCpu = (generatorCpuNanos.getAsLong() - gen0) / (double) wall;
        long rss = target.rssBytes();
        return loop.call(() -> {
            long delivered = fleet.delivered();
            LatencyStats d = fleet.deliveryLatency();
            String invalid = null;
            if (genCpu > GENERATOR_CPU_LIMIT) {
                invalid = String.format("generator used %.0f%% of its core", 100 * genCpu);
            } else if (lag.percentileMillis(99) > LAG_LIMIT_MILLIS) {
                invalid = String.format("generator issued sends late (p99 %.1f ms)", lag.percentileMillis(99));
            }
            return new StepResult(rate, sent, expected, delivered, fleet.late(), fleet.errors(),
                    delivered / (duration.toNanos() / 1e9), d.percentileMillis(50), d.percentileMillis(99),
                    d.percentileMillis(99.9), d.maxMillis(), fleet.ackLatency().percentileMillis(99),
                    delivered == 0 ? 0 : cpu / 1000.0 / delivered, rss, genCpu, lag.percentileMillis(99), invalid);
        });
    }

    /** The loop-thread side of a step: issues every send that is due, then waits for the next. */
    private final class Pacing {
        private final OpenLoopPacer pacer;
        private final int[] senders;
        private final Send send;
        private final int step;
        private final LatencyStats lag;
        private final CompletableFuture<long[]> done;
        /** Bound once: rescheduling every turn allocates only the timer. */
        private final Runnable fire = this::fire;
        private int turn;

        Pacing(OpenLoopPacer pacer, int[] senders, Send send, int step, LatencyStats lag, CompletableFuture<long[]> done) {
            this.pacer = pacer;
            this.senders = senders;
            this.send = send;
            this.step = step;
            this.lag = lag;
            this.done = done;
        }

        void schedule() {
            if (pacer.hasNext()) {
                loop.schedule(pacer.nextDue(), fire);
            } else {
                done.complete(new long[] {pacer.issued()});
            }
        }

        private void fire() {
            long now = System.nanoTime();
            while (pacer.isDue(now)) {
                long intended = pacer.take();
                lag.recordNanos(now - intended);
                BenchClient client = nextReadySender();
                if (client != null) {
                    send.send(client, step, intended);
                }
            }
            schedule();
        }

        private BenchClient nextReadySender() {
            for (int tries = 0; tries < senders.length; tries++) {
                BenchClient client = fleet.client(senders[turn]);
                turn = (turn + 1) % senders.length;
                if (client != null && client.isReady()) {
                    return client;
                }
            }
            return null;
        }
    }
}
