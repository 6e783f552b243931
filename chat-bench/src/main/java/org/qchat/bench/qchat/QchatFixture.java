package org.qchat.bench.qchat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.qchat.bench.load.Population;

/**
 * The users, sessions, friendships and groups of a {@link Population} — and optionally a
 * conversation's history — written into a stopped server's storage by the server's own
 * {@code seed} command, which goes through the server's writer as requests would, minus the
 * network and one argon2id hash per user (tens of milliseconds of server CPU each). Every seeded
 * user shares the password {@link #PASSWORD}; clients log in with their seeded session token
 * ({@code resume}), or with the password where a workload measures logins.
 */
public record QchatFixture(Population population, long[] userIds, String[] usernames, String[] tokens,
                           long[] pairConvs, long[] groupConvs) {

    public static final String PASSWORD = "bench-password-1";
    public static final String DEVICE = "bench";
    private static final String PREFIX = "bench";

    public static String username(int user) {
        return String.format("%s%05d", PREFIX, user);
    }

    /** The admin user (user 0), who may broadcast. */
    public static String adminUsername() {
        return username(0);
    }

    /**
     * Runs {@code java -jar serverJar <storageOptions> seed …} and reads the fixture it writes; the
     * server must be stopped.
     * {@code historyMessages} messages of {@code textSize} characters go into the first pair's
     * conversation.
     */
    public static QchatFixture seed(Path serverJar, List<String> storageOptions, Population population,
                                    long historyMessages, int textSize, Path workDir) throws IOException {
        return seed(serverJar, storageOptions, population, historyMessages, 1, textSize, workDir);
    }

    /** Like {@link #seed(Path, List, Population, long, int, Path)}, the messages spread round-robin over the first {@code conversations} pairs. */
    public static QchatFixture seed(Path serverJar, List<String> storageOptions, Population population,
                                    long historyMessages, int conversations, int textSize, Path workDir) throws IOException {
        Path file = workDir.resolve("fixture-" + System.nanoTime() + ".tsv");
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-jar", serverJar.toAbsolutePath().toString()));
        command.addAll(storageOptions);
        command.addAll(List.of("seed", "--users", Integer.toString(population.users()),
                "--group-size", Integer.toString(population.groupSize()),
                "--username-prefix", PREFIX, "--password", PASSWORD, "--device", DEVICE,
                "--messages", Long.toString(historyMessages), "--message-conversations", Integer.toString(conversations),
                "--text-size", Integer.toString(textSize), "--fixture", file.toAbsolutePath().toString()));
        if (population.pairs()) {
            command.add("--pairs");
        }
        Path log = workDir.resolve("seed.log");
        Process seed = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!seed.waitFor(30, TimeUnit.MINUTES) || seed.exitValue() != 0) {
                seed.destroyForcibly();
                throw new IOException("seeding failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            seed.destroyForcibly();
            throw new IOException("interrupted while seeding", e);
        }
        QchatFixture fixture = read(file, population);
        Files.deleteIfExists(file);
        return fixture;
    }

    /** Parses the seed command's fixture file: {@code user i id name token}, {@code pair i conv}, {@code group i conv}. */
    static QchatFixture read(Path file, Population population) throws IOException {
        int n = population.users();
        long[] userIds = new long[n];
        String[] usernames = new String[n];
        String[] tokens = new String[n];
        long[] pairConvs = new long[population.pairCount()];
        long[] groupConvs = new long[population.groupCount()];
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            int i = Integer.parseInt(f[1]);
            switch (f[0]) {
                case "user" -> {
                    userIds[i] = Long.parseLong(f[2]);
                    usernames[i] = f[3];
                    tokens[i] = f[4];
                }
                case "pair" -> pairConvs[i] = Long.parseLong(f[2]);
                case "group" -> groupConvs[i] = Long.parseLong(f[2]);
                default -> throw new IOException("unexpected fixture line: " + line);
            }
        }
        return new QchatFixture(population, userIds, usernames, tokens, pairConvs, groupConvs);
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public long pairConv(int user) {
        return pairConvs[population.pairOf(user)];
    }

    public long groupConv(int user) {
        return groupConvs[population.groupOf(user)];
    }
}
