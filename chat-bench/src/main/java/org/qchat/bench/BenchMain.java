package org.qchat.bench;

/** Entry point of the benchmark jar. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
