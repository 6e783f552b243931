package org.qchat.bench.sut;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CPU time and resident memory of a process, read from Linux's /proc. */
public final class ProcStat {

    /** Clock ticks per second of utime/stime; 100 on every Linux the JDK runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcStat() {
    }

    /** User + system CPU time of {@code pid} (all its threads), in nanoseconds; 0 if it is gone. */
    public static long cpuNanos(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return 0;
        }
        // The command name (field 2) may hold spaces; the fields after it start past its ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** Resident set size of {@code pid} in bytes (VmRSS); 0 if it is gone. */
    public static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** Pids of the processes whose command name is exactly {@code name}. */
    public static List<Long> pidsNamed(String name) {
        List<Long> pids = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(p -> {
            try {
                String comm = Files.readString(Path.of("/proc", Long.toString(p.pid()), "comm")).trim();
                if (comm.equals(name)) {
                    pids.add(p.pid());
                }
            } catch (IOException e) {
                // Exited while we looked.
            }
        });
        return pids;
    }
}
