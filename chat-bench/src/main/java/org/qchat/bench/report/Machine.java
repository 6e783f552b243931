package org.qchat.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/** What the run ran on, read from the machine itself. */
public record Machine(String cpu, int cpus, long memoryMiB, String kernel, String java, String mosquitto,
                      String postgres) {

    public static Machine describe(String postgresUrl) {
        return new Machine(cpuModel(), countCpus(), totalMemoryMiB(), read("/proc/sys/kernel/osrelease"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                firstLine("mosquitto", "-h"), postgresVersion(postgresUrl));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int countCpus() {
        try {
            return (int) Files.list(Path.of("/sys/devices/system/cpu")).map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("cpu[0-9]+")).count();
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    private static long totalMemoryMiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path)).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstLine(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("").trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return out.isEmpty() ? "not installed" : out;
        } catch (IOException e) {
            return "not installed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String postgresVersion(String url) {
        if (url == null) {
            return "not used";
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            return rs.next() ? "PostgreSQL " + rs.getString(1) : "unknown";
        } catch (SQLException e) {
            return "unreachable (" + e.getMessage() + ")";
        }
    }
}
