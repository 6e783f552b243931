package org.qchat.server.store.message.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.store.message.MessageLog;
import org.qchat.server.store.message.MessageLog.Append;
import org.qchat.server.store.message.MessageLog.ClientKey;

/** Messages, sizes and file handling shared by the segmented log's tests. */
final class LogFixtures {

    static final long TIME = 1_718_000_000_000L;
    /** The server's segment size with small index tables: fast to create and force, many times over. */
    static final LogOptions SMALL_INDEX = new LogOptions(LogOptions.DEFAULT_SEGMENT_SIZE, 64);
    /** Segments of 1 KiB and index tables of 8 slots: rolls and new generations every few messages. */
    static final LogOptions TINY = new LogOptions(1024, 8);

    private LogFixtures() {
    }

    /** Message {@code seq} of {@code conv}, from sender {@code 100 + conv}, with a text naming both. */
    static Append message(long conv, long seq) {
        return new Append(conv, seq, 100 + conv, "m-" + conv + "-" + seq, textOf(conv, seq), TIME + seq);
    }

    static List<Append> batch(long conv, long firstSeq, int count) {
        List<Append> batch = new ArrayList<>();
        for (long seq = firstSeq; seq < firstSeq + count; seq++) {
            batch.add(message(conv, seq));
        }
        return batch;
    }

    static String textOf(long conv, long seq) {
        return "message " + seq + " of conversation " + conv;
    }

    static List<ClientKey> keysOf(List<MessageInfo> messages) {
        return messages.stream().map(m -> new ClientKey(m.senderId(), m.clientMsgId())).toList();
    }

    static Map<Long, Long> headsOf(MessageLog log) {
        Map<Long, Long> heads = new HashMap<>();
        log.forEachHead(heads::put);
        return heads;
    }

    static Path firstSegment(Path dir) {
        return dir.resolve(Segment.fileName(0));
    }

    /** The files of {@code dir} whose names match {@code glob}, sorted by name. */
    static List<Path> files(Path dir, String glob) throws IOException {
        var matcher = dir.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
        }
    }

    static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    /** Inverts every bit of the byte at {@code position}. */
    static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0xFF)).position(0);
            channel.write(one, position);
        }
    }
}
