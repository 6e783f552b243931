package org.qchat.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One thread that owns every socket of the generator: non-blocking connects, reads, writes and
 * timers. Everything a connection or a workload does runs on this thread, so none of it needs a
 * lock, and the generator's CPU cost is one thread's CPU time, which it reports.
 *
 * <p>A turn of the loop: wait (see below), run the timers that are due (the paced sends), write,
 * read every socket that is ready, run tasks from other threads, run timers again, write. Sends
 * due at the start of a turn leave before its reads are handled, and every
 * {@value #READS_BETWEEN_TIMERS} sockets read the due timers run again, so a burst of reads (after
 * any stall there are hundreds of sockets ready) does not make sends late; replies queued while
 * reading (acks) leave at the end of the same turn.
 *
 * <p>Writes are gathered: {@link Connection#send} queues bytes and marks the connection dirty, and
 * the loop flushes dirty connections once per turn, so a burst of sends to one socket costs one
 * system call. Ready sockets are handed over as the selector finds them, without the selected-key
 * set, so a turn allocates nothing per socket.
 *
 * <p>Waiting: a timer due in more than 3 ms waits in {@code select}, reading whatever arrives; a
 * nearer one parks the thread for {@value #TURN_MICROS} µs, however near it is, and every timer
 * that fell due meanwhile runs in the next turn. A turn has a fixed cost (waking from the park and
 * polling the sockets: about 20 µs on the benchmark's 2-core VM), which a send-per-turn loop paid for
 * nearly every message at tens of thousands a second; in turns of {@value #TURN_MICROS} µs it is
 * shared by all the sends and deliveries of the turn. A send therefore leaves up to about a quarter
 * of a millisecond after its time and a delivery is read up to as long after it arrived; latency,
 * measured from the scheduled time, includes both. No core is spun.
 */
public final class EventLoop implements AutoCloseable {

    static final long TURN_MICROS = 200;
    static final int READS_BETWEEN_TIMERS = 16;

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final List<Connection> dirty = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(256 * 1024);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** Bound once, so that polling the selector allocates nothing. */
    private final Consumer<SelectionKey> onReady = this::handle;
    private volatile boolean running = true;
    private long timerSequence;
    private int readsSinceTimers;

    public EventLoop(String name) throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Runs {@code task} on the loop thread. */
    public void execute(Runnable task) {
        tasks.add(task);
        if (Thread.currentThread() != thread) {
            selector.wakeup();
        }
    }

    /** Runs {@code work} on the loop thread and waits for its result. */
    public <T> T call(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }

    /** Runs {@code task} on the loop thread at {@code atNanos} ({@link System#nanoTime()} scale). Loop thread only. */
    public void schedule(long atNanos, Runnable task) {
        timers.add(new Timer(atNanos, timerSequence++, task));
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** CPU time the loop thread has used, in nanoseconds. */
    public long cpuNanos() {
        return threads.getThreadCpuTime(thread.getId());
    }

    /** Opens a non-blocking connection; {@code handler} hears of it on the loop thread. Loop thread only. */
    public Connection connect(InetSocketAddress address, Connection.Handler handler) {
        Connection connection = new Connection(this, handler);
        try {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connection.attach(channel);
            if (channel.connect(address)) {
                connection.register(selector, SelectionKey.OP_READ);
                connection.connected();
            } else {
                connection.register(selector, SelectionKey.OP_CONNECT);
            }
        } catch (IOException e) {
            connection.fail(e);
        }
        return connection;
    }

    void markDirty(Connection connection) {
        dirty.add(connection);
    }

    private void run() {
        try {
            while (running) {
                waitForWork();
                runTimers();
                flush();
                selector.selectNow(onReady);
                runTasks();
                runTimers();
                flush();
            }
        } catch (IOException e) {
            throw new IllegalStateException("the generator's selector failed", e);
        } finally {
            for (SelectionKey key : selector.keys()) {
                ((Connection) key.attachment()).close();
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // Closing at exit; nothing is left to tell.
            }
        }
    }

    private void waitForWork() throws IOException {
        if (!tasks.isEmpty()) {
            return;
        }
        Timer next = timers.peek();
        if (next == null) {
            selector.select(onReady, 50);
            return;
        }
        long wait = next.atNanos - System.nanoTime();
        if (wait > TimeUnit.MILLISECONDS.toNanos(3)) {
            // select() may wake a millisecond late; the rest of the wait is parked in turns.
            selector.select(onReady, TimeUnit.NANOSECONDS.toMillis(wait) - 2);
        } else if (wait > 0) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(TURN_MICROS));
        }
    }

    private void handle(SelectionKey key) {
        Connection connection = (Connection) key.attachment();
        if (!key.isValid()) {
            return;
        }
        if (key.isConnectable()) {
            connection.finishConnect();
            return;
        }
        if (key.isReadable()) {
            connection.readAvailable(readBuffer);
            if (++readsSinceTimers == READS_BETWEEN_TIMERS) {
                readsSinceTimers = 0;
                runTimers();
                flush();
            }
        }
        if (key.isValid() && key.isWritable()) {
            connection.flush();
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    private void runTimers() {
        long now = System.nanoTime();
        Timer next;
        while ((next = timers.peek()) != null && next.atNanos <= now) {
            timers.poll();
            next.task.run();
        }
    }

    private void flush() {
        for (int i = 0; i < dirty.size(); i++) {
            dirty.get(i).flush();
        }
        dirty.clear();
    }

    /** Stops the loop and closes every connection. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Timer(long atNanos, long order, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(atNanos, o.atNanos);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }
}
