package org.qchat.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU went, from a JFR recording (execution samples): by component (the
 * database, JSON, t-io, sockets, qchat's own code, …), by thread, and the hottest methods. Threads waiting in native code (epoll, socket writes) are sampled separately by
 * JFR and not counted here.
 */
public final class JfrSummary {

    /** Components in the order they are checked: the first prefix that matches names the frame. */
    private static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("org.h2.", "H2 database");
        COMPONENTS.put("org.postgresql.", "PostgreSQL driver");
        COMPONENTS.put("com.zaxxer.hikari.", "connection pool (HikariCP)");
        COMPONENTS.put("com.fasterxml.jackson.", "JSON (Jackson)");
        COMPONENTS.put("org.tio.", "t-io");
        COMPONENTS.put("org.qchat.server.store.message.", "qchat message store");
        COMPONENTS.put("org.qchat.server.state.", "qchat state in memory");
        COMPONENTS.put("org.qchat.server.net.", "qchat transport (on t-io)");
        COMPONENTS.put("org.qchat.protocol.", "qchat codec");
        COMPONENTS.put("org.qchat.", "qchat services and handlers");
        COMPONENTS.put("com.password4j.", "password hashing (argon2id)");
        COMPONENTS.put("org.flywaydb.", "start-up (Flyway, picocli)");
        COMPONENTS.put("picocli.", "start-up (Flyway, picocli)");
        COMPONENTS.put("ch.qos.logback.", "logging");
        COMPONENTS.put("org.slf4j.", "logging");
        COMPONENTS.put("io.micrometer.", "metrics (Micrometer)");
        COMPONENTS.put("sun.nio.", "NIO and sockets (JDK)");
        COMPONENTS.put("java.nio.", "NIO and sockets (JDK)");
        COMPONENTS.put("java.util.concurrent.", "queues, locks, executors (JDK)");
        COMPONENTS.put("java.lang.invoke.", "JDK other");
        COMPONENTS.put("java.", "JDK other");
        COMPONENTS.put("jdk.", "JDK other");
        COMPONENTS.put("sun.", "JDK other");
    }

    private JfrSummary() {
    }

    /** A Markdown section: samples by component, then the 15 hottest methods. */
    public static String markdown(Path recording) throws IOException {
        Map<String, Long> byComponent = new HashMap<>();
        Map<String, Long> byMethod = new HashMap<>();
        Map<String, Long> byThread = new HashMap<>();
        long total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            RecordedFrame top = stack.getFrames().get(0);
            String type = top.getMethod().getType().getName();
            byComponent.merge(componentOf(stack.getFrames()), 1L, Long::sum);
            byMethod.merge(type + "." + top.getMethod().getName(), 1L, Long::sum);
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            byThread.merge(thread == null ? "?" : thread.replaceAll("[-#]?[0-9]+$", ""), 1L, Long::sum);
            total++;
        }
        StringBuilder out = new StringBuilder();
        out.append("| Component | Share of samples |\n|---|---:|\n");
        for (Map.Entry<String, Long> e : sorted(byComponent, byComponent.size())) {
            out.append("| ").append(e.getKey()).append(" | ").append(percent(e.getValue(), total)).append(" |\n");
        }
        out.append("\n| Thread | Share of samples |\n|---|---:|\n");
        for (Map.Entry<String, Long> e : sorted(byThread, 10)) {
            out.append("| ").append(e.getKey()).append(" | ").append(percent(e.getValue(), total)).append(" |\n");
        }
        out.append("\n| Hottest methods (self time) | Share of samples |\n|---|---:|\n");
        for (Map.Entry<String, Long> e : sorted(byMethod, 15)) {
            out.append("| `").append(e.getKey()).append("` | ").append(percent(e.getValue(), total)).append(" |\n");
        }
        out.append("\n").append(total).append(" execution samples.\n");
        return out.toString();
    }

    /**
     * The component a sample is charged to: socket I/O and thread hand-offs by where the time was
     * spent; anything else in the JDK (strings, collections, copying) to the first caller outside
     * the JDK, since that code is why the JDK was working.
     */
    static String componentOf(List<RecordedFrame> frames) {
        String top = frames.get(0).getMethod().getType().getName();
        if (top.startsWith("sun.nio.") || top.startsWith("java.nio.") || top.startsWith("java.util.concurrent.")) {
            return componentOf(top);
        }
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (!isJdk(type)) {
                return componentOf(type);
            }
        }
        return "JDK other";
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("com.sun.");
    }

    static String componentOf(String type) {
        for (Map.Entry<String, String> c : COMPONENTS.entrySet()) {
            if (type.startsWith(c.getKey())) {
                return c.getValue();
            }
        }
        return "other libraries";
    }

    private static List<Map.Entry<String, Long>> sorted(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(limit).toList();
    }

    private static String percent(long n, long total) {
        return String.format(Locale.ROOT, "%.1f %%", total == 0 ? 0 : 100.0 * n / total);
    }
}
