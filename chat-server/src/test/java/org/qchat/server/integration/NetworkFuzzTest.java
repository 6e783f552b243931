package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.Register;
import org.qchat.server.config.RateLimits;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.FuzzFrames;
import org.qchat.server.testing.MetricsProbe;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.Scenarios;
import org.qchat.server.testing.ServerHarness;
import org.qchat.server.testing.TestClient;

/**
 * Network fuzzing: {@value #CONNECTIONS} connections, {@value #PARALLEL} at a time, send byte soup,
 * random request objects (anonymous and logged in), mutated valid frames, lying length headers,
 * frames dribbled a few bytes at a time, or vanish mid-frame, while two well-behaved clients keep
 * chatting. The server must keep serving them (every message arrives, in order, no gaps), and once
 * the fuzzers are gone its connection count and this JVM's open file descriptors (the server runs in
 * it) must return to where they were.
 *
 * <p>The seed is printed; rerun a failure with {@code -Dqchat.fuzz.seed=<seed>}.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class NetworkFuzzTest {

    private static final int CONNECTIONS = 60;
    private static final int PARALLEL = 8;
    private static final Duration DRAIN = Duration.ofMillis(800);
    /** File descriptors the JVM may hold on top of the baseline (H2 or the JDK opening a file meanwhile). */
    private static final int FD_SLACK = 3;

    private enum Attack {
        BYTE_SOUP, RANDOM_REQUESTS, RANDOM_REQUESTS_LOGGED_IN, MUTATED_FRAMES, LYING_HEADER, VANISH_MID_FRAME,
        DRIBBLE, CONNECT_AND_LEAVE
    }

    private ServerHarness server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void hostileConnectionsNeitherCrashTheServerNorDisturbOthersNorLeakConnectionsOrFileDescriptors()
            throws Exception {
        long seed = Long.getLong("qchat.fuzz.seed", ThreadLocalRandom.current().nextLong());
        System.out.printf("[net-fuzz] seed=%d (rerun: -Dqchat.fuzz.seed=%d)%n", seed, seed);
        MetricsProbe metrics = new MetricsProbe(MetricsProbe.freePort());
        server = ServerHarness.start(Backend.EMBEDDED, config -> config.rateLimits(RateLimits.unlimited())
                .metricsPort(metrics.port()));
        int maxFrame = server.config().maxFrameLength();
        TestClient alice = server.newUser("alice");
        TestClient bob = server.newUser("bob");
        long convId = Scenarios.befriend(alice, bob);
        alice.sendText(convId, Names.msgId(), "before the storm");
        bob.awaitPush(MessagePush.class, p -> p.message().convId() == convId);
        long fdBaseline = settledOpenFileDescriptors();
        assertThat(metrics.gauge("qchat_connections")).isEqualTo(2);

        AtomicBoolean fuzzing = new AtomicBoolean(true);
        Future<List<Long>> aliceSent = threads.submit(() -> chat(alice, convId, fuzzing));
        Future<List<Long>> bobSent = threads.submit(() -> chat(bob, convId, fuzzing));
        Random seeds = new Random(seed);
        Map<Attack, Integer> attacks = new TreeMap<>();
        ExecutorService fuzzers = Executors.newFixedThreadPool(PARALLEL);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            Random random = new Random(seeds.nextLong());
            Attack attack = Attack.values()[random.nextInt(Attack.values().length)];
            attacks.merge(attack, 1, Integer::sum);
            runs.add(fuzzers.submit(() -> attack(attack, random, maxFrame, convId)));
        }
        for (Future<?> run : runs) {
            run.get(120, TimeUnit.SECONDS);
        }
        fuzzers.shutdown();
        fuzzing.set(false);
        List<Long> fromAlice = aliceSent.get(30, TimeUnit.SECONDS);
        List<Long> fromBob = bobSent.get(30, TimeUnit.SECONDS);
        System.out.printf("[net-fuzz] %d hostile connections %s; %d + %d messages between the well-behaved pair%n",
                CONNECTIONS, attacks, fromAlice.size(), fromBob.size());

        assertThat(arrivalOrder(bob, convId, fromAlice.size())).as("alice's messages as bob received them")
                .containsExactlyElementsOf(fromAlice);
        assertThat(arrivalOrder(alice, convId, fromBob.size())).as("bob's messages as alice received them")
                .containsExactlyElementsOf(fromBob);
        List<Long> all = new ArrayList<>(fromAlice);
        all.addAll(fromBob);
        all.sort(null);
        assertThat(all.get(all.size() - 1) - all.get(0) + 1).as("seqs during the fuzz have no gaps").isEqualTo(all.size());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(metrics.gauge("qchat_connections")).as("open connections").isEqualTo(2);
            assertThat(openFileDescriptors()).as("open file descriptors (baseline %d)", fdBaseline)
                    .isLessThanOrEqualTo(fdBaseline + FD_SLACK);
        });
        alice.ping();
        bob.ping();
    }

    /** Sends messages until fuzzing stops (at least 20); returns their seqs in sending order. */
    private static List<Long> chat(TestClient client, long convId, AtomicBoolean fuzzing) throws InterruptedException {
        List<Long> seqs = new ArrayList<>();
        while (fuzzing.get() || seqs.size() < 20) {
            seqs.add(client.sendText(convId, Names.msgId(), "msg " + seqs.size() + " 你好 👋").seq());
            // Paced, so that the conversation spans the whole fuzz run instead of racing ahead of it.
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return seqs;
    }

    /** The seqs of the next {@code count} msg pushes of the conversation, in the order they arrived. */
    private static List<Long> arrivalOrder(TestClient receiver, long convId, int count) {
        return receiver.awaitPushes(MessagePush.class, p -> p.message().convId() == convId, count,
                Duration.ofSeconds(30)).stream().map(p -> p.message().seq()).toList();
    }

    private void attack(Attack attack, Random random, int maxFrame, long convId) {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            OutputStream out = socket.getOutputStream();
            switch (attack) {
                case BYTE_SOUP -> write(out, FuzzFrames.bytes(random, 8192));
                case RANDOM_REQUESTS -> {
                    for (int i = 1 + random.nextInt(30); i > 0; i--) {
                        write(out, FuzzFrames.randomRequest(random));
                    }
                }
                case RANDOM_REQUESTS_LOGGED_IN -> {
                    write(out, new FrameCodec().encode(new Register("reg", ProtocolVersion.CURRENT,
                            Names.unique("fz"), TestClient.PASSWORD, null, null)));
                    for (int i = 1 + random.nextInt(40); i > 0; i--) {
                        write(out, FuzzFrames.randomRequest(random));
                    }
                }
                case MUTATED_FRAMES -> {
                    for (int i = 1 + random.nextInt(20); i > 0; i--) {
                        write(out, FuzzFrames.mutatedRequest(random, convId));
                    }
                }
                case LYING_HEADER -> {
                    write(out, FuzzFrames.lyingHeader(random, maxFrame));
                    assertThat(drainUntilClosed(socket, Duration.ofSeconds(10)))
                            .as("the server closes a connection whose header lies").isTrue();
                }
                case VANISH_MID_FRAME -> {
                    byte[] frame = FuzzFrames.randomRequest(random);
                    write(out, java.util.Arrays.copyOf(frame, 1 + random.nextInt(frame.length - 1)));
                    socket.setSoLinger(true, 0);
                    return;
                }
                case DRIBBLE -> {
                    byte[] frame = FuzzFrames.randomRequest(random);
                    for (int i = 0; i < Math.min(frame.length, 16); i++) {
                        write(out, new byte[] {frame[i]});
                        // Paced, so that each byte arrives as a read of its own, as a slow-loris peer sends them.
                        TimeUnit.MILLISECONDS.sleep(3);
                    }
                }
                case CONNECT_AND_LEAVE -> {
                }
            }
            drainUntilClosed(socket, DRAIN);
            if (random.nextBoolean()) {
                socket.setSoLinger(true, 0);
            }
        } catch (IOException e) {
            // The server may close first (framing error, slow-loris detection) and reset our writes.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads and discards until the server closes (true) or nothing arrives for {@code quiet} (false). */
    private static boolean drainUntilClosed(Socket socket, Duration quiet) throws IOException {
        socket.setSoTimeout((int) quiet.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            while (in.read(buffer) >= 0) {
                // discard
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The count after a GC, so that sockets earlier tests left unreachable are closed by their cleaners first. */
    private static long settledOpenFileDescriptors() {
        System.gc();
        return openFileDescriptors();
    }
}
