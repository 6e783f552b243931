package org.qchat.bench.jmh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.FrameException;
import org.qchat.protocol.Packet;
import org.qchat.protocol.PacketException;

/**
 * Why file bytes travel in binary data frames (docs/protocol.md 3.2): what one 128 KiB piece of an
 * upload costs the server to decode, as a data frame and as the same bytes in base64 inside a JSON
 * packet, the other way the protocol could have carried them.
 *
 * <ul>
 *   <li>{@code dataFrame}: {@link FrameCodec#decode} of a {@link FileChunk#frame} frame, as the
 *       server's codec adapter decodes every frame it reads;
 *   <li>{@code base64Json}: the same framing (length read, body copied out of the read buffer, as
 *       {@code FrameCodec} does for JSON), then the body read by a Jackson {@link ObjectMapper} into a
 *       record whose {@code byte[]} field Jackson wrote as base64. A plain mapper: the server's packet
 *       reader also checks the UTF-8 and builds a tree first, so this is the least JSON would cost.
 * </ul>
 *
 * Microseconds of one thread per piece; the ratio of the two is what the choice saves.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class FilePieceBenchmark {

    /** A piece of an upload as a JSON packet would carry it: Jackson writes {@code data} as base64. */
    public record JsonPiece(String type, long uploadId, long offset, byte[] data) {
    }

    static final long UPLOAD_ID = 7;
    static final long OFFSET = 3L << 20;

    private final ObjectMapper json = new ObjectMapper();
    private final FrameCodec codec = new FrameCodec();
    byte[] piece;
    byte[] binaryFrame;
    byte[] jsonFrame;

    @Setup
    public void setUp() throws IOException, FrameException, PacketException {
        piece = new byte[FileChunk.MAX_DATA];
        new SplittableRandom(42).nextBytes(piece);
        binaryFrame = FileChunk.frame(FileChunk.Direction.UPLOAD, UPLOAD_ID, OFFSET, piece, 0, piece.length);
        jsonFrame = FrameCodec.frame(json.writeValueAsBytes(new JsonPiece("file.data", UPLOAD_ID, OFFSET, piece)));
        // A benchmark of a decode that fails, or decodes something else, would measure the wrong path.
        FileChunk chunk = (FileChunk) dataFrame();
        byte[] data = new byte[chunk.length()];
        chunk.data().get(data);
        JsonPiece back = base64Json();
        if (chunk.transferId() != UPLOAD_ID || chunk.offset() != OFFSET || !Arrays.equals(data, piece)
                || back.uploadId() != UPLOAD_ID || back.offset() != OFFSET || !Arrays.equals(back.data(), piece)) {
            throw new IllegalStateException("the pieces do not decode back to what was framed");
        }
    }

    @Benchmark
    public Packet dataFrame() throws FrameException, PacketException {
        return codec.decode(ByteBuffer.wrap(binaryFrame));
    }

    @Benchmark
    public JsonPiece base64Json() throws IOException {
        ByteBuffer in = ByteBuffer.wrap(jsonFrame);
        byte[] body = new byte[in.getInt()];
        in.get(body);
        return json.readValue(body, JsonPiece.class);
    }
}
