package org.qchat.bench.workload;

/**
 * One measured step at one offered rate.
 *
 * @param offered        sends scheduled per second
 * @param expected       deliveries the sends should have caused
 * @param delivered      deliveries that arrived within the step and its grace period
 * @param deliveredPerSec delivered ÷ the step's sending time
 * @param p50            delivery latency percentiles in ms, from the scheduled send time
 * @param ackP99         99th percentile of the sender's acknowledgement, ms (0: none in this mode)
 * @param cpuMicrosPerDelivery server CPU time (from /proc) per delivered message, µs
 * @param serverRss      server resident memory at the end of the step, bytes
 * @param generatorCpu   the generator's CPU use as a fraction of its one core
 * @param lagP99         99th percentile of how late the generator issued sends, ms
 * @param invalid        why the generator, not the server, may have limited this step; null if it did not
 */
public record StepResult(double offered, long sent, long expected, long delivered, long late, long errors,
                         double deliveredPerSec, double p50, double p99, double p999, double max, double ackP99,
                         double cpuMicrosPerDelivery, long serverRss, double generatorCpu, double lagP99,
                         String invalid) {

    public double deliveryRatio() {
        return expected == 0 ? 1 : (double) delivered / expected;
    }

    public boolean valid() {
        return invalid == null;
    }

    /** Whether this step keeps the service objective: p99 within the limit and (almost) everything delivered. */
    public boolean meets(double p99LimitMillis, double minDeliveryRatio) {
        return valid() && errors == 0 && p99 <= p99LimitMillis && deliveryRatio() >= minDeliveryRatio;
    }

    public String summary() {
        return String.format("offered %.0f/s: delivered %d/%d (%.2f%%) %.0f/s, p50 %.2f p99 %.2f p99.9 %.2f max %.2f ms,"
                        + " ack p99 %.2f ms, %.1f µs CPU/msg, RSS %d MiB, generator %.0f%% lag p99 %.2f ms%s%s",
                offered, delivered, expected, 100 * deliveryRatio(), deliveredPerSec, p50, p99, p999, max, ackP99,
                cpuMicrosPerDelivery, serverRss >> 20, 100 * generatorCpu, lagP99,
                errors > 0 ? ", " + errors + " errors" : "", invalid != null ? " [INVALID: " + invalid + "]" : "");
    }
}
