package org.qchat.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code main} class of the test classpath running in a JVM of its own, so that a test can have
 * a second process hold a file lock, or kill one with {@code kill -9}. Standard error goes to this
 * JVM's; standard output is read line by line, for whatever the child reports.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code main} with {@code args}, on this JVM's java and classpath, with a 128 MiB heap. */
    public static ChildJvm start(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /**
     * The next line the child printed that starts with {@code prefix} (others, such as log lines, are
     * skipped); fails if the child's output ends first.
     */
    public String awaitLine(String prefix) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("child " + pid() + " ended its output before a line starting with '" + prefix + "'");
    }

    /** Closes the child's standard input: children that wait for it then finish. */
    public void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the child to exit by itself; returns its exit status, or fails after a minute. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            throw new AssertionError("child " + pid() + " did not exit");
        }
        return process.exitValue();
    }

    /**
     * SIGKILL, as {@code kill -9} would: no shutdown hook, no finally block runs in the child. Returns
     * once it is gone (or after a minute); an interrupt while waiting is kept for the caller.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
