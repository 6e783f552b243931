package org.qchat.server.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.qchat.protocol.ErrorCode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The server's Prometheus metrics: qchat_connections, qchat_online_users,
 * qchat_message_writer_queue, qchat_cursor_writer_queue, qchat_outbound_queued_bytes, qchat_messages_stored_total,
 * qchat_errors_total{code}, plus JVM and process metrics. Rates (messages per second) come from Prometheus' rate() over the counters.
 * Others register theirs here too: the server its files counters (qchat_files_stored_total,
 * qchat_files_received_bytes_total, qchat_files_sent_bytes_total), a cluster node its qchat_cluster_* metrics.
 * README's "Monitoring" lists them all for operators: keep it in step when adding one.
 */
public final class ServerMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter messagesStored;
    private final Map<ErrorCode, Counter> errors = new ConcurrentHashMap<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final java.util.List<Supplier<Number>> counted = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ServerMetrics() {
        messagesStored = Counter.builder("qchat.messages.stored").description("messages committed to the database")
                .register(registry);
        for (ErrorCode code : ErrorCode.values()) {
            errors.put(code, Counter.builder("qchat.errors").tag("code", code.name())
                    .description("error replies sent, by code").register(registry));
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** A counter that reads its count from {@code count} (which only grows). */
    public void counter(String name, String description, Supplier<Number> count) {
        // Micrometer holds a function counter's object weakly; a lambda held by no one else is collected.
        counted.add(count);
        io.micrometer.core.instrument.FunctionCounter.builder(name, count, c -> c.get().doubleValue())
                .description(description).register(registry);
    }

    public void messagesStored(int count) {
        messagesStored.increment(count);
    }

    public void error(ErrorCode code) {
        errors.get(code).increment();
    }

    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
