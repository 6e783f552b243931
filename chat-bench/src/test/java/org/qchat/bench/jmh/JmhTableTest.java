package org.qchat.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class JmhTableTest {

    /**
     * Three results cut down from a real JMH 1.37 {@code -rf json} file (percentiles and raw data
     * shortened): one with a parameter, one with none and an error JMH could not compute (it writes
     * the string "NaN"), and a throughput result with two parameters.
     */
    private static final String RESULTS = """
            [
                {
                    "jmhVersion" : "1.37",
                    "benchmark" : "org.qchat.bench.jmh.CodecBenchmark.decodeSend",
                    "mode" : "avgt",
                    "threads" : 1,
                    "forks" : 1,
                    "jvm" : "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                    "jvmArgs" : [
                    ],
                    "jdkVersion" : "17.0.15",
                    "vmName" : "OpenJDK 64-Bit Server VM",
                    "vmVersion" : "17.0.15+6-Debian-1deb12u1",
                    "warmupIterations" : 2,
                    "warmupTime" : "1 s",
                    "warmupBatchSize" : 1,
                    "measurementIterations" : 3,
                    "measurementTime" : "1 s",
                    "measurementBatchSize" : 1,
                    "params" : {
                        "text" : "cjk-emoji"
                    },
                    "primaryMetric" : {
                        "score" : 7324.999412345,
                        "scoreError" : 411.61803,
                        "scoreConfidence" : [
                            6913.381382345,
                            7736.617442345
                        ],
                        "scorePercentiles" : {
                            "0.0" : 7101.2,
                            "50.0" : 7298.4,
                            "100.0" : 7575.4
                        },
                        "scoreUnit" : "ns/op",
                        "rawData" : [
                            [
                                7101.2,
                                7298.4,
                                7575.4
                            ]
                        ]
                    },
                    "secondaryMetrics" : {
                    }
                },
                {
                    "jmhVersion" : "1.37",
                    "benchmark" : "org.qchat.bench.jmh.CodecBenchmark.encodeSent",
                    "mode" : "avgt",
                    "threads" : 1,
                    "forks" : 1,
                    "jvm" : "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                    "jvmArgs" : [
                    ],
                    "jdkVersion" : "17.0.15",
                    "vmName" : "OpenJDK 64-Bit Server VM",
                    "vmVersion" : "17.0.15+6-Debian-1deb12u1",
                    "warmupIterations" : 1,
                    "warmupTime" : "200 ms",
                    "warmupBatchSize" : 1,
                    "measurementIterations" : 2,
                    "measurementTime" : "200 ms",
                    "measurementBatchSize" : 1,
                    "primaryMetric" : {
                        "score" : 13.4355,
                        "scoreError" : "NaN",
                        "scoreConfidence" : [
                            "NaN",
                            "NaN"
                        ],
                        "scorePercentiles" : {
                            "0.0" : 12.9,
                            "100.0" : 13.971
                        },
                        "scoreUnit" : "ns/op",
                        "rawData" : [
                            [
                                12.9,
                                13.971
                            ]
                        ]
                    },
                    "secondaryMetrics" : {
                    }
                },
                {
                    "jmhVersion" : "1.37",
                    "benchmark" : "org.qchat.bench.jmh.RoutingBenchmark.sendToUsers",
                    "mode" : "thrpt",
                    "threads" : 1,
                    "forks" : 1,
                    "jvm" : "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                    "jvmArgs" : [
                    ],
                    "jdkVersion" : "17.0.15",
                    "vmName" : "OpenJDK 64-Bit Server VM",
                    "vmVersion" : "17.0.15+6-Debian-1deb12u1",
                    "warmupIterations" : 2,
                    "warmupTime" : "1 s",
                    "warmupBatchSize" : 1,
                    "measurementIterations" : 3,
                    "measurementTime" : "1 s",
                    "measurementBatchSize" : 1,
                    "params" : {
                        "members" : "100",
                        "shape" : "a|b"
                    },
                    "primaryMetric" : {
                        "score" : 0.17260,
                        "scoreError" : 0.01234,
                        "scoreConfidence" : [
                            0.16026,
                            0.18494
                        ],
                        "scorePercentiles" : {
                            "0.0" : 0.1701,
                            "100.0" : 0.1751
                        },
                        "scoreUnit" : "ops/us",
                        "rawData" : [
                            [
                                0.1701,
                                0.1726,
                                0.1751
                            ]
                        ]
                    },
                    "secondaryMetrics" : {
                    }
                }
            ]
            """;

    @Test
    void everyResultBecomesOneRowWithShortNameParamsModeScoreErrorAndUnit() throws IOException {
        assertThat(JmhTable.render(stream(RESULTS))).isEqualTo("""
                | Benchmark | Mode | Score | Unit |
                |---|---|--:|---|
                | CodecBenchmark.decodeSend (text=cjk-emoji) | avgt | 7325 ± 412 | ns/op |
                | CodecBenchmark.encodeSent | avgt | 13.4 | ns/op |
                | RoutingBenchmark.sendToUsers (members=100, shape=a\\|b) | thrpt | 0.173 ± 0.012 | ops/us |
                """);
    }

    @Test
    void theScoresAreFoundByTheirNameInTheTableAndTheOptionsAreAsJmhTakesThem() throws IOException {
        JmhTable.Results results = JmhTable.read(stream(RESULTS));

        assertThat(results.score("CodecBenchmark.decodeSend (text=cjk-emoji)")).isEqualTo(7324.999412345);
        assertThat(results.score("CodecBenchmark.encodeSent")).isEqualTo(13.4355);
        assertThat(results.score("CodecBenchmark.decodePush")).isNaN();
        assertThat(results.options()).isEqualTo("-f 1 -wi 2 -w 1s -i 3 -r 1s");
        assertThat(results.table()).isEqualTo(JmhTable.render(stream(RESULTS)));
    }

    @Test
    void aProfilersFigureGetsARowOfItsOwnUnderItsBenchmark() throws IOException {
        String result = """
                [{"benchmark": "org.qchat.bench.jmh.StoreBenchmark.send", "mode": "avgt", "params": {"store": "h2"},
                  "primaryMetric": {"score": 112.4, "scoreError": 3.1, "scoreUnit": "us/op"},
                  "secondaryMetrics": {"cpu": {"score": 151234.5, "scoreError": 2000.0, "scoreUnit": "ns/op"}}}]
                """;

        assertThat(JmhTable.render(stream(result))).isEqualTo("""
                | Benchmark | Mode | Score | Unit |
                |---|---|--:|---|
                | StoreBenchmark.send (store=h2) | avgt | 112 ± 3 | us/op |
                | StoreBenchmark.send:·cpu (store=h2) | avgt | 151235 ± 2000 | ns/op |
                """);
    }

    @Test
    void scoreAndErrorShareDecimalsThatShrinkAsTheScoreGrows() {
        assertThat(JmhTable.score(0.12345, 0.0061)).isEqualTo("0.123 ± 0.006");
        assertThat(JmhTable.score(3.14159, 0.2)).isEqualTo("3.14 ± 0.20");
        assertThat(JmhTable.score(42.25, 1.04)).isEqualTo("42.3 ± 1.0");
        assertThat(JmhTable.score(52378.465, Double.NaN)).isEqualTo("52378");
    }

    @Test
    void inputThatIsNotAJmhResultIsRejectedRatherThanRenderedAsAnEmptyTable() {
        assertThatThrownBy(() -> JmhTable.render(stream("[]")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JmhTable.render(stream("{\"benchmark\":\"x\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JmhTable.render(stream("[{\"benchmark\":\"a.B.c\",\"mode\":\"avgt\"}]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("primaryMetric");
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
