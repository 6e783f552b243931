package org.qchat.protocol.testing;

import java.util.SplittableRandom;

import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * A tiny seeded property runner for plain JUnit tests. Each try gets its own {@link SplittableRandom}
 * split off one seeded from {@code -Dqchat.fuzz.seed} (or a fresh seed, printed), so a failure
 * names the seed that reproduces it: rerun with {@code -Dqchat.fuzz.seed=<seed>}.
 */
public final class Fuzz {

    public static final String SEED_PROPERTY = "qchat.fuzz.seed";

    private Fuzz() {
    }

    /** The seed from {@value #SEED_PROPERTY}, or a fresh random one. */
    public static long seed() {
        String configured = System.getProperty(SEED_PROPERTY);
        return configured == null || configured.isBlank() ? new SplittableRandom().nextLong()
                : Long.parseLong(configured.trim());
    }

    /** Runs {@code property} {@code tries} times from {@link #seed()}. */
    public static void run(String name, int tries, ThrowingConsumer<SplittableRandom> property) {
        run(name, tries, seed(), property);
    }

    /** Runs {@code property} {@code tries} times, each try with a random derived from {@code seed}. */
    public static void run(String name, int tries, long seed, ThrowingConsumer<SplittableRandom> property) {
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 1; i <= tries; i++) {
            try {
                property.accept(seeds.split());
            } catch (Throwable e) {
                throw new AssertionError(String.format("[fuzz] %s failed on try %d of %d, seed %d (rerun with -D%s=%d): %s",
                        name, i, tries, seed, SEED_PROPERTY, seed, e), e);
            }
        }
        System.out.printf("[fuzz] %s: %d tries, seed %d%n", name, tries, seed);
    }
}
