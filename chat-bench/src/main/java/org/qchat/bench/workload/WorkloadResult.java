package org.qchat.bench.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one workload measured on one system: its steps (empty for workloads without a rate
 * ladder), the best step that kept the objective ({@code knee}, null if none did), and named
 * figures (for idle connections, history pages, backlog catch-up).
 */
public record WorkloadResult(String workload, String system, List<StepResult> steps, StepResult knee,
                             Map<String, Double> figures, String note) {

    public static WorkloadResult ofSteps(String workload, String system, List<StepResult> steps, StepResult knee,
                                         String note) {
        return new WorkloadResult(workload, system, List.copyOf(steps), knee, Map.of(), note);
    }

    public static WorkloadResult ofFigures(String workload, String system, Map<String, Double> figures, String note) {
        return new WorkloadResult(workload, system, List.of(), null, new LinkedHashMap<>(figures), note);
    }

    public double figure(String name) {
        Double value = figures.get(name);
        return value == null ? Double.NaN : value;
    }
}
