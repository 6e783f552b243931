package org.qchat.bench.report;

import java.util.List;

import org.qchat.bench.workload.WorkloadResult;

/** One run as saved to JSON: where and how it ran, and what every workload measured. */
public record RunRecord(String profile, String startedAt, double minutes, Machine machine, String serverCpus,
                        String generatorCpus, List<String> serverJvmFlags,
                        List<String> idleServerJvmFlags, String command,
                        List<WorkloadResult> results) {
}
