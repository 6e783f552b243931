package org.qchat.server.store.message.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.qchat.server.config.Durability;
import org.qchat.server.store.message.MessageLog.Append;
import org.qchat.server.store.message.MessageLogException;

/**
 * A second process for {@link SegmentedMessageLogTest}, run with {@code <mode> <dir>}:
 * <ul>
 *   <li>{@code hold}: opens the log, prints {@code OPEN}, and keeps it open until standard input
 *       closes;
 *   <li>{@code probe}: tries to open the log and prints {@code OPENED} or {@code REFUSED <message>};
 *   <li>{@code append}: opens the log and appends batches of {@value #BATCH} messages to
 *       conversation 1 until killed, printing {@code ACK <last msgId> <last seq>} after each append
 *       returned. Message {@code seq} has clientMsgId {@code k-<seq>} and text {@code text <seq>}.
 * </ul>
 */
public final class LogWriterMain {

    static final int BATCH = 10;
    /** Small sizes, so that a kill may land near a segment roll or a new index generation. */
    static final LogOptions OPTIONS = new LogOptions(16 * 1024, 256);
    private static final int MAX_BATCHES = 1_000_000;

    private LogWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("probe")) {
            probe(dir);
            return;
        }
        try (SegmentedMessageLog log = SegmentedMessageLog.open(dir, Durability.PROCESS, OPTIONS)) {
            switch (args[0]) {
                case "hold" -> {
                    System.out.println("OPEN");
                    System.out.flush();
                    while (System.in.read() >= 0) {
                        // wait for the parent to close our input
                    }
                }
                case "append" -> appendUntilKilled(log);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        }
    }

    /** Tries to open the log and says what happened: {@code OPENED}, or {@code REFUSED <message>}. */
    private static void probe(Path dir) {
        try {
            SegmentedMessageLog.open(dir, Durability.PROCESS, OPTIONS).close();
            System.out.println("OPENED");
        } catch (MessageLogException e) {
            System.out.println("REFUSED " + e.getMessage());
        }
        System.out.flush();
    }

    private static void appendUntilKilled(SegmentedMessageLog log) {
        long seq = 0;
        for (int b = 0; b < MAX_BATCHES; b++) {
            List<Append> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                seq++;
                batch.add(new Append(1, seq, 42, "k-" + seq, "text " + seq, seq));
            }
            long lastId = log.append(batch).get(BATCH - 1).msgId();
            System.out.println("ACK " + lastId + " " + seq);
            System.out.flush();
        }
    }
}
