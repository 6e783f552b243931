package org.qchat.bench.sut;

import java.io.IOException;
import java.util.List;

/**
 * Pins every PostgreSQL process (and, since backends fork from the postmaster, every backend
 * started later) to the server's CPUs for a run on PostgreSQL, so that "the server on one core"
 * includes its database, as it does with the embedded store. Restored afterwards.
 */
public final class PostgresPinning implements AutoCloseable {

    private final String restoreTo;
    private final boolean pinned;

    private PostgresPinning(String restoreTo, boolean pinned) {
        this.restoreTo = restoreTo;
        this.pinned = pinned;
    }

    /** Pins to {@code cpus}; if that is not possible (not root, no taskset) says so via {@link #pinned()}. */
    public static PostgresPinning pin(String cpus) {
        String all = onlineCpus();
        if (cpus == null) {
            return new PostgresPinning(all, false);
        }
        return new PostgresPinning(all, setAffinity(cpus));
    }

    /** Every online CPU ("0-1"); not availableProcessors(), which a taskset-pinned generator sees as 1. */
    static String onlineCpus() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/sys/devices/system/cpu/online")).trim();
        } catch (IOException e) {
            return "0-" + (Runtime.getRuntime().availableProcessors() - 1);
        }
    }

    public boolean pinned() {
        return pinned;
    }

    private static boolean setAffinity(String cpus) {
        List<Long> pids = ProcStat.pidsNamed("postgres");
        if (pids.isEmpty()) {
            return false;
        }
        boolean ok = true;
        for (long pid : pids) {
            try {
                Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                ok &= p.waitFor() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return ok;
    }

    @Override
    public void close() {
        if (pinned) {
            setAffinity(restoreTo);
        }
    }
}
