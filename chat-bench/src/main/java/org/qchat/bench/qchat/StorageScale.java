package org.qchat.bench.qchat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.qchat.bench.load.Population;
import org.qchat.bench.sut.ServerProcess;
import org.qchat.bench.workload.Profile;
import org.qchat.bench.workload.WorkloadResult;

/**
 * What the server's storage costs as it grows, measured on the packaged server with the memory
 * flags of the README: how long a restart takes and how much heap it holds with many stored
 * messages, against the same users with none; and the heap that each user and each group of the
 * in-memory state costs. Heap is what is in use after a full collection ({@code jcmd GC.run},
 * then {@code jstat -gc}).
 */
public final class StorageScale {

    /** The workloads' names in the results. */
    public static final String STORED = "Stored messages: restart and heap";
    public static final String STATE = "In-memory state: heap per user and group";

    /** The server runs with a fixed, small young generation so that "used after a full GC" is steady. */
    private static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx2g", "-Xmn24m");
    private static final int CONVERSATIONS = 1_000;
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);

    private final Profile profile;
    private final Path serverJar;
    private final Path runDir;
    private final String cpus;
    private final PrintStream log;

    public StorageScale(Profile profile, Path serverJar, Path runDir, String cpus, PrintStream log) {
        this.profile = profile;
        this.serverJar = serverJar;
        this.runDir = runDir;
        this.cpus = cpus;
        this.log = log;
    }

    /**
     * {@link Profile#scaleMessages()} messages over 1,000 conversations: restart time and heap in use,
     * against the same 2,000 users with no message.
     */
    public WorkloadResult stored(String workload) throws IOException {
        long messages = profile.scaleMessages();
        log.printf("%n== %s: %,d messages in %,d conversations%n", workload, messages, CONVERSATIONS);
        Population population = new Population(2 * CONVERSATIONS, true, 0);
        Path empty = seed("scale-empty", population, 0);
        long seedStart = System.nanoTime();
        Path full = seed("scale-full", population, messages);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        Start idle = start(empty);
        Start loaded = start(full);
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("messages", (double) messages);
        figures.put("seed seconds", seedSeconds);
        figures.put("store GiB", sizeOf(full.resolve("messages")) / (double) (1L << 30));
        figures.put("start seconds, no messages", idle.seconds());
        figures.put("start seconds", loaded.seconds());
        figures.put("heap MiB, no messages", idle.heapBytes() / (double) (1L << 20));
        figures.put("heap MiB", loaded.heapBytes() / (double) (1L << 20));
        figures.put("heap MiB above no messages", (loaded.heapBytes() - idle.heapBytes()) / (double) (1L << 20));
        log.printf("   %s%n", figures);
        return WorkloadResult.ofFigures(workload, "qchat (embedded)", figures, null);
    }

    /**
     * The heap of the in-memory state: {@link Profile#stateUsers()} users in pairs (one private
     * conversation each pair), then the same users in groups of 50 as well, against two users.
     */
    public WorkloadResult state(String workload) throws IOException {
        int users = profile.stateUsers();
        int groupSize = 50;
        log.printf("%n== %s: %,d users in pairs, then also in groups of %d%n", workload, users, groupSize);
        Start base = start(seed("state-base", new Population(2, true, 0), 0));
        Start paired = start(seed("state-pairs", new Population(users, true, 0), 0));
        Start grouped = start(seed("state-groups", new Population(users, true, groupSize), 0));
        int groups = users / groupSize;
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("users", (double) users);
        figures.put("groups", (double) groups);
        figures.put("bytes per user (with its share of a private conversation)",
                (paired.heapBytes() - base.heapBytes()) / (double) (users - 2));
        figures.put("bytes per group of " + groupSize, (grouped.heapBytes() - paired.heapBytes()) / (double) groups);
        log.printf("   %s%n", figures);
        return WorkloadResult.ofFigures(workload, "qchat (embedded)", figures, null);
    }

    private Path seed(String label, Population population, long messages) throws IOException {
        Path dataDir = runDir.resolve("qchat-" + label);
        deleteTree(dataDir);
        Files.createDirectories(dataDir);
        QchatFixture.seed(serverJar, List.of("--data-dir", dataDir.toAbsolutePath().toString()), population, messages,
                Math.min(CONVERSATIONS, population.pairCount()), Profile.TEXT_SIZE, runDir);
        return dataDir;
    }

    /** How long the server took to accept connections, and its heap in use after a full GC. */
    private record Start(double seconds, long heapBytes) {
    }

    private Start start(Path dataDir) throws IOException {
        int port = ServerProcess.freePort();
        List<String> command = new ArrayList<>(List.of(ServerProcess.jdkTool("java")));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-jar", serverJar.toAbsolutePath().toString(), "--data-dir", dataDir.toAbsolutePath().toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--metrics-port", "-1"));
        long start = System.nanoTime();
        try (ServerProcess server = ServerProcess.start(command, cpus, runDir.resolve(dataDir.getFileName() + ".log"), port,
                STARTUP_LIMIT)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            run(ServerProcess.jdkTool("jcmd"), Long.toString(server.pid()), "GC.run");
            return new Start(seconds, heapInUse(run(ServerProcess.jdkTool("jstat"), "-gc", Long.toString(server.pid()))));
        }
    }

    /** Survivor, eden and old generation in use, from {@code jstat -gc} (KiB columns S0U S1U EU OU). */
    static long heapInUse(String jstat) {
        String[] lines = jstat.strip().split("\n");
        String[] header = lines[0].trim().split("\\s+");
        String[] values = lines[1].trim().split("\\s+");
        double kib = 0;
        for (int i = 0; i < header.length; i++) {
            if (List.of("S0U", "S1U", "EU", "OU").contains(header[i])) {
                kib += Double.parseDouble(values[i]);
            }
        }
        return (long) (kib * 1024);
    }

    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return output;
    }

    /** Disk space allocated to the files under {@code dir} ({@code du}: the index files are sparse). */
    private static long sizeOf(Path dir) throws IOException {
        String out = run("du", "-s", "-B1", dir.toAbsolutePath().toString());
        return Long.parseLong(out.trim().split("\\s+")[0]);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
