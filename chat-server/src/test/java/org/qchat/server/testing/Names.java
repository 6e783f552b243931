package org.qchat.server.testing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Unique, valid usernames and client message ids, so tests can share one server. */
public final class Names {

    private static final AtomicLong COUNTER = new AtomicLong();

    private Names() {
    }

    /** {@code prefix} + a suffix unique in this JVM; valid as a username if prefix is at most 16 legal chars. */
    public static String unique(String prefix) {
        return prefix + "_" + Long.toString(COUNTER.incrementAndGet(), 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
    }

    /** A fresh client message id. */
    public static String msgId() {
        return unique("c");
    }
}
