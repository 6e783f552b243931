package org.qchat.bench.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a JMH JSON result file ({@code -rf json -rff results.json}) into a Markdown table for
 * {@code docs/benchmarks.md}:
 *
 * <pre>
 * | Benchmark | Mode | Score | Unit |
 * |---|---|--:|---|
 * | CodecBenchmark.decodeSend (text=ascii) | avgt | 7325 ± 412 | ns/op |
 * </pre>
 *
 * Rows keep the file's order, which is JMH's: by benchmark, then
 * parameters. The benchmark is named by class and method, without the package. The error is
 * JMH's 99.9% confidence half-width; it is left out when JMH could not compute one (fewer than
 * three measurement iterations), rather than printed as NaN.
 *
 * <p>Usage: {@code java -cp qchat-bench.jar org.qchat.bench.jmh.JmhTable results.json}; prints
 * the table on standard output, or a message on standard error and exit status 1 if the file is
 * not a JMH result.
 */
public final class JmhTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhTable() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: JmhTable <jmh-result.json>");
            System.exit(2);
        }
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            System.out.print(render(in));
        } catch (NoSuchFileException e) {
            System.err.println("JmhTable: " + args[0] + ": no such file");
            System.exit(1);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("JmhTable: " + args[0] + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * A JMH result as the report uses it: its table, each benchmark's primary score by its name in
     * the table, and the options JMH ran with, as given on its command line ({@code -f 1 -wi 3 -w 1s
     * -i 5 -r 1s}, read from the first result; empty if the file does not say).
     */
    public record Results(String table, Map<String, Double> scores, String options) {

        /** The primary score of the benchmark named {@code name} as in the table; NaN if it is not there. */
        public double score(String name) {
            return scores.getOrDefault(name, Double.NaN);
        }
    }

    /** The Markdown table for a JMH JSON result, each line ending in a newline. */
    public static String render(InputStream jmhJson) throws IOException {
        return read(jmhJson).table();
    }

    /** The table, scores and options of a JMH JSON result. */
    public static Results read(InputStream jmhJson) throws IOException {
        JsonNode root = JSON.readTree(jmhJson);
        if (root == null || !root.isArray() || root.isEmpty()) {
            // An empty table in the docs would look like a run with nothing to report.
            throw new IllegalArgumentException("not a JMH JSON result, or no benchmarks in it");
        }
        StringBuilder table = new StringBuilder()
                .append("| Benchmark | Mode | Score | Unit |\n")
                .append("|---|---|--:|---|\n");
        Map<String, Double> scores = new HashMap<>();
        for (JsonNode result : root) {
            JsonNode metric = required(result, "primaryMetric");
            scores.put(name(result), required(metric, "score").asDouble());
            table.append("| ").append(cell(name(result)))
                    .append(" | ").append(cell(required(result, "mode").asText()))
                    .append(" | ").append(score(required(metric, "score").asDouble(), metric.path("scoreError").asDouble(Double.NaN)))
                    .append(" | ").append(cell(required(metric, "scoreUnit").asText()))
                    .append(" |\n");
            // A profiler's figures (e.g. StoreBenchmark's CPU of every thread), each on its own row.
            for (Map.Entry<String, JsonNode> secondary : result.path("secondaryMetrics").properties()) {
                JsonNode m = secondary.getValue();
                table.append("| ").append(cell(secondaryName(result, secondary.getKey())))
                        .append(" | ").append(cell(required(result, "mode").asText()))
                        .append(" | ").append(score(required(m, "score").asDouble(), m.path("scoreError").asDouble(Double.NaN)))
                        .append(" | ").append(cell(required(m, "scoreUnit").asText()))
                        .append(" |\n");
            }
        }
        return new Results(table.toString(), Map.copyOf(scores), options(root.get(0)));
    }

    /** {@code -f 1 -wi 3 -w 1s -i 5 -r 1s}: forks, warm-up and measurement iterations and times. */
    static String options(JsonNode result) {
        List<String> options = new ArrayList<>();
        for (String[] option : new String[][] {{"-f", "forks"}, {"-wi", "warmupIterations"}, {"-w", "warmupTime"},
                {"-i", "measurementIterations"}, {"-r", "measurementTime"}}) {
            JsonNode value = result.get(option[1]);
            if (value != null && !value.isNull()) {
                options.add(option[0] + " " + value.asText().replace(" ", ""));
            }
        }
        return String.join(" ", options);
    }

    /** {@code CodecBenchmark.decodeSend (text=ascii)}: class and method, then the parameters. */
    static String name(JsonNode result) {
        String benchmark = required(result, "benchmark").asText();
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        String name = benchmark.substring(type + 1);
        List<String> params = new ArrayList<>();
        for (Map.Entry<String, JsonNode> param : result.path("params").properties()) {
            params.add(param.getKey() + "=" + param.getValue().asText());
        }
        return params.isEmpty() ? name : name + " (" + String.join(", ", params) + ")";
    }

    /** {@code StoreBenchmark.send:·cpu (store=h2)}: the benchmark's name with the metric's after a colon. */
    static String secondaryName(JsonNode result, String metric) {
        String name = name(result);
        int params = name.indexOf(" (");
        String label = ":·" + metric;
        return params < 0 ? name + label : name.substring(0, params) + label + name.substring(params);
    }

    /**
     * Score and error with the same number of decimals, fewer as the score grows: a 3 ns op and a
     * 50 µs op both get three or four significant digits, which is more than their noise.
     */
    static String score(double score, double error) {
        double magnitude = Math.abs(score);
        int decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
        String format = "%." + decimals + "f";
        String text = String.format(Locale.ROOT, format, score);
        if (Double.isFinite(error)) {
            text += " ± " + String.format(Locale.ROOT, format, error);
        }
        return text;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("a result has no '" + field + "'");
        }
        return value;
    }

    /** A parameter value may contain a pipe, which would split the Markdown cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
