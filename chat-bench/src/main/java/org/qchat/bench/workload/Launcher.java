package org.qchat.bench.workload;

import java.io.IOException;

import org.qchat.bench.load.Population;
import org.qchat.bench.sut.Target;

/** Starts a fresh instance of one system for one workload's population. */
public interface Launcher {

    /** The system's name in the report, e.g. "qchat (embedded)". */
    String system();

    Target launch(Population population, String label) throws IOException;

    /** Whether the server runs on the JVM, and so needs its JIT warmed up before it is measured. */
    default boolean jit() {
        return false;
    }
}
