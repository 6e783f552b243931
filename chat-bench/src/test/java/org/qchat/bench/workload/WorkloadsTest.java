package org.qchat.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkloadsTest {

    private static StepResult step(double offered, double p99, double generatorCpu, String invalid) {
        return new StepResult(offered, 1000, 1000, 1000, 0, 0, offered, 0.5, p99, p99, p99, 0, 10, 0, generatorCpu, 0.3,
                invalid);
    }

    @Test
    void aLadderTheGeneratorStoppedIsSaidToBeStoppedByIt() {
        assertThat(Workloads.stopNote(null, step(45_000, 3, 0.77, "generator issued sends late (p99 3.3 ms)")))
                .isEqualTo("stopped: generator issued sends late (p99 3.3 ms)");
    }

    @Test
    void aServerThatBrokeTheObjectiveFirstIsNamedAsTheLimit() {
        String note = Workloads.stopNote(step(60_000, 59.46, 0.74, null),
                step(70_000, 400, 0.89, "generator used 89% of its core"));

        assertThat(note).isEqualTo(
                "broke the objective at 60,000/s (p99 59.5 ms, generator 74%); then stopped: generator used 89% of its core");
    }
}
