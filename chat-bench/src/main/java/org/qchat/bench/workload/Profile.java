package org.qchat.bench.workload;

import java.time.Duration;

/**
 * How big a run is. {@link #full()} is the published benchmark; {@link #smoke()} runs every
 * workload at a tiny load in seconds, to prove it works (CI).
 *
 * @param rates1to1     offered 1:1 messages per second, step by step (W1, W4, W6)
 * @param groupSizes    the group sizes of W2, one run each
 * @param groupDeliveries offered group deliveries per second, step by step (W2)
 * @param broadcasts    offered broadcasts per second (W3)
 * @param warmup        the warm-up before a ladder, at its third rate
 * @param jvmWarmup     the same for a server on the JVM: its JIT compiles the hot path on the one
 *                      core it serves from, which takes about a minute of load
 * @param scaleMessages messages stored for the restart and heap measurement ({@code StorageScale})
 * @param stateUsers    users whose in-memory state is measured ({@code StorageScale})
 * @param failoverRate  W7's steady rate when no W4 knee was measured in the run
 * @param failoverAfterKill how long W7 keeps sending after it killed a node
 * @param filesChatRate 1:1 messages per second that W8 sends alongside its file transfers
 * @param fileSize      bytes of each file W8 uploads and downloads
 * @param filesWindow   how long each of W8's steps lasts (chat alone, then chat with the transfers)
 */
public record Profile(String name, int pairUsers, double[] rates1to1, int groupUsers, int[] groupSizes, double[] groupDeliveries,
                      int broadcastUsers, double[] broadcasts, Duration step, Duration warmup, Duration jvmWarmup, Duration grace,
                      int idleConnections, Duration idleHold, int mixedUsers, int mixedChatters, double mixedRate,
                      double mixedReconnectsPerSecond, double mixedPasswordLoginsPerSecond, Duration mixedDuration,
                      int historyMessages, int historyRequests, int backlogMessages, long scaleMessages, int stateUsers,
                      double failoverRate, Duration failoverAfterKill, double filesChatRate, int fileSize,
                      Duration filesWindow) {

    /** The objective a step must keep to count: p99 delivery latency and share delivered. */
    public static final double P99_LIMIT_MILLIS = 10;
    public static final double MIN_DELIVERY_RATIO = 0.99;
    public static final int TEXT_SIZE = 200;

    public static Profile full() {
        return new Profile("full",
                2_000, new double[] {250, 500, 1_000, 2_000, 3_000, 5_000, 7_500, 10_000, 15_000, 20_000, 25_000,
                        30_000, 35_000, 40_000, 45_000, 50_000, 60_000, 70_000, 80_000, 90_000, 100_000, 120_000},
                1_000, new int[] {10, 100}, new double[] {1_000, 2_500, 5_000, 10_000, 20_000, 40_000, 60_000, 80_000,
                        100_000, 125_000, 150_000, 200_000, 250_000, 300_000},
                250, new double[] {2, 5, 10, 20, 40, 80, 120, 160, 200, 300, 400, 600, 800, 1_000, 1_200},
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(45), Duration.ofSeconds(3),
                19_000, Duration.ofSeconds(20),
                5_000, 500, 500, 20, 2, Duration.ofSeconds(30),
                1_000_000, 5_000, 10_000, 10_000_000L, 100_000,
                2_000, Duration.ofSeconds(30),
                1_000, 256 << 20, Duration.ofSeconds(20));
    }

    /** This profile with another ladder of 1:1 rates (W1, W4). */
    public Profile withRates1to1(double[] rates) {
        if (rates.length == 0) {
            throw new IllegalArgumentException("no rates");
        }
        return new Profile(name, pairUsers, rates.clone(), groupUsers, groupSizes, groupDeliveries, broadcastUsers, broadcasts,
                step, warmup, jvmWarmup, grace, idleConnections, idleHold, mixedUsers, mixedChatters, mixedRate,
                mixedReconnectsPerSecond, mixedPasswordLoginsPerSecond, mixedDuration, historyMessages, historyRequests,
                backlogMessages, scaleMessages, stateUsers, failoverRate, failoverAfterKill, filesChatRate, fileSize,
                filesWindow);
    }

    public static Profile smoke() {
        return new Profile("smoke",
                20, new double[] {50, 100},
                20, new int[] {5, 10}, new double[] {200, 400},
                20, new double[] {2, 4},
                Duration.ofMillis(700), Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(3),
                100, Duration.ofMillis(300),
                60, 10, 40, 4, 1, Duration.ofSeconds(2),
                2_000, 50, 300, 20_000L, 200,
                50, Duration.ofSeconds(3),
                100, 16 << 20, Duration.ofMillis(500));
    }
}
