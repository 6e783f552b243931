package org.qchat.bench.jmh;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.FrameException;
import org.qchat.protocol.Packet;
import org.qchat.protocol.PacketException;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.SendMessage;

/**
 * The codec work the server does for every chat message, and the client's share of it.
 *
 * <p>Each score is nanoseconds of one thread's CPU per packet:
 * <ul>
 *   <li>{@code decodeSend}: a {@code msg.send} frame, as read from the socket, turned into its
 *       record on a t-io worker thread (what {@code TioCodecAdapter.decode} does per request);
 *   <li>{@code encodePush}: the {@code msg} push built after the commit, encoded once per message
 *       whatever the number of recipients (see {@link RoutingBenchmark});
 *   <li>{@code encodeSent}: the {@code msg.sent} reply to the sender;
 *   <li>{@code decodePush}: the push read back into its record, the client's cost per message
 *       received.
 * </ul>
 * A message thus costs the server about {@code decodeSend + encodeSent + encodePush} of codec time.
 * {@code text} is a 200-code-point message body: {@code ascii} (1 byte per character in UTF-8) or
 * {@code cjk-emoji} (Chinese text with emoji: 3- and 4-byte sequences, surrogate pairs in Java).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class CodecBenchmark {

    /** Code points in every message text, a typical chat line. */
    static final int TEXT_LENGTH = 200;

    private FrameCodec codec;
    private MessageSent sent;

    /** The packets and frames that carry the message text. */
    @State(Scope.Benchmark)
    public static class Message {

        @Param({"ascii", "cjk-emoji"})
        public String text;

        FrameCodec codec;
        MessagePush push;
        byte[] sendFrame;
        byte[] pushFrame;

        @Setup
        public void setUp() throws FrameException, PacketException {
            codec = new FrameCodec();
            String body = text(text);
            SendMessage send = new SendMessage("r-1042", 1_000_017L, "6f1c2a9e-4b7d-4e8a-9a51-c3d0e2f4a7b1", body);
            push = new MessagePush(new MessageInfo(88_231_547L, 1_000_017L, 5_311L, 40_213L,
                    send.clientMsgId(), body, 1_718_000_000_123L));
            sendFrame = codec.encode(send);
            pushFrame = codec.encode(push);
            // A benchmark of a decode that fails would measure the error path, not the message path.
            if (!send.equals(codec.decode(ByteBuffer.wrap(sendFrame)))
                    || !push.equals(codec.decode(ByteBuffer.wrap(pushFrame)))) {
                throw new IllegalStateException("codec does not round-trip the benchmark packets");
            }
        }
    }

    @Setup
    public void setUp() {
        codec = new FrameCodec();
        sent = new MessageSent("r-1042", "6f1c2a9e-4b7d-4e8a-9a51-c3d0e2f4a7b1", 88_231_547L, 1_000_017L,
                5_311L, 1_718_000_000_123L);
    }

    @Benchmark
    public Packet decodeSend(Message m) throws FrameException, PacketException {
        // A fresh view per call, as the t-io adapter duplicates the read buffer.
        return m.codec.decode(ByteBuffer.wrap(m.sendFrame));
    }

    @Benchmark
    public byte[] encodePush(Message m) {
        return m.codec.encode(m.push);
    }

    @Benchmark
    public byte[] encodeSent() {
        return codec.encode(sent);
    }

    @Benchmark
    public Packet decodePush(Message m) throws FrameException, PacketException {
        return m.codec.decode(ByteBuffer.wrap(m.pushFrame));
    }

    /** A message body of {@link #TEXT_LENGTH} code points in the named script. */
    static String text(String kind) {
        String pattern = switch (kind) {
            case "ascii" -> "Sure, let's meet at 7:30 by the north entrance - I'll bring the slides "
                    + "and the \"draft\" budget; ping me if the train is late. ";
            // Emoji outside the BMP are surrogate pairs: the case where Java length and code points differ.
            case "cjk-emoji" -> "好的，我们七点半在北门见面😀，我会带上幻灯片和预算草稿🚆。"
                    + "如果火车晚点请告诉我👍，明天的会议改到下午三点📅。";
            default -> throw new IllegalArgumentException("unknown text kind " + kind);
        };
        StringBuilder text = new StringBuilder();
        int codePoints = 0;
        for (int i = 0; codePoints < TEXT_LENGTH; codePoints++) {
            int cp = pattern.codePointAt(i);
            text.appendCodePoint(cp);
            i = (i + Character.charCount(cp)) % pattern.length();
        }
        return text.toString();
    }
}
