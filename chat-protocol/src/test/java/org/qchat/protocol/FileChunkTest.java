package org.qchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.testing.Fuzz;

/** Data frames ({@link FileChunk}) through the real {@link FrameCodec}. */
class FileChunkTest {

    private final FrameCodec codec = new FrameCodec();

    @Test
    void aDataFrameDecodesToItsHeaderAndAViewOfItsBytes() throws Exception {
        byte[] data = FuzzInputs.seededBytes(7, FileChunk.MAX_DATA);
        byte[] frame = FileChunk.frame(FileChunk.Direction.DOWNLOAD, 42, 1L << 40, data, 0, data.length);
        ByteBuffer in = ByteBuffer.wrap(FuzzInputs.concat(frame, new byte[] {0, 0}));

        FileChunk chunk = (FileChunk) codec.decode(in);

        assertThat(in.position()).as("exactly one frame consumed").isEqualTo(frame.length);
        assertThat(chunk.direction()).isEqualTo(FileChunk.Direction.DOWNLOAD);
        assertThat(chunk.transferId()).isEqualTo(42);
        assertThat(chunk.offset()).isEqualTo(1L << 40);
        byte[] got = new byte[chunk.length()];
        chunk.data().duplicate().get(got);
        assertThat(got).isEqualTo(data);
        assertThat(chunk.data().isReadOnly()).isTrue();
    }

    @Test
    void aFrameCutAnywhereIsNotYetAndConsumesNothing() throws Exception {
        byte[] data = FuzzInputs.seededBytes(8, 1000);
        byte[] frame = FileChunk.frame(FileChunk.Direction.UPLOAD, 1, 0, data, 0, data.length);
        for (int cut = 0; cut < frame.length; cut += 37) {
            ByteBuffer partial = ByteBuffer.wrap(Arrays.copyOf(frame, cut));
            assertThat(codec.decode(partial)).as("%d of %d bytes", cut, frame.length).isNull();
            assertThat(partial.position()).isZero();
        }
    }

    @Test
    void aBrokenDataFrameIsAFramingError() {
        assertBroken(body(FileChunk.Direction.UPLOAD.code(), 1, 0, 0), ErrorCode.BAD_REQUEST, "at least one data byte");
        assertBroken(body((byte) 3, 1, 0, 10), ErrorCode.BAD_REQUEST, "unknown direction");
        assertBroken(body(FileChunk.Direction.UPLOAD.code(), 1, -1, 10), ErrorCode.BAD_REQUEST, "negative offset");
        assertBroken(body(FileChunk.Direction.UPLOAD.code(), 1, 0, FileChunk.MAX_DATA + 1), ErrorCode.TOO_LARGE,
                "maximum is " + FileChunk.MAX_DATA);
        assertBroken(new byte[] {0}, ErrorCode.BAD_REQUEST, "at least one data byte");
    }

    @Test
    void encodingRefusesEmptyAndOversizedData() {
        assertThatThrownBy(() -> FileChunk.frame(FileChunk.Direction.UPLOAD, 1, 0, new byte[0], 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileChunk.frame(FileChunk.Direction.UPLOAD, 1, 0, new byte[FileChunk.MAX_DATA + 1], 0,
                FileChunk.MAX_DATA + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Any body that starts with the marker decodes to a chunk or a framing error, never anything else. */
    @Test
    void randomBinaryBodiesDecodeToAChunkOrAFramingError() {
        Fuzz.run("FileChunkTest.randomBinaryBodies", FuzzInputs.TRIES, random -> {
            byte[] body = FuzzInputs.bytes(random, 1, 300);
            body[0] = FileChunk.MARKER;
            if (random.nextBoolean() && body.length > 1) {
                body[1] = (byte) (1 + random.nextInt(2));
            }
            ByteBuffer in = ByteBuffer.wrap(FuzzInputs.concat(FuzzInputs.header(body.length), body));
            try {
                Packet packet = codec.decode(in);
                assertThat(packet).isInstanceOf(FileChunk.class);
                assertThat(((FileChunk) packet).length()).isEqualTo(body.length - FileChunk.HEADER_LENGTH);
            } catch (FrameException expected) {
                assertThat(expected.code()).isIn(ErrorCode.BAD_REQUEST, ErrorCode.TOO_LARGE);
            }
        });
    }

    private void assertBroken(byte[] body, ErrorCode code, String reason) {
        byte[] frame = FuzzInputs.concat(FuzzInputs.header(body.length), body);
        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(frame)))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(reason);
    }

    private static byte[] body(byte direction, long transferId, long offset, int dataLength) {
        ByteBuffer body = ByteBuffer.allocate(FileChunk.HEADER_LENGTH + dataLength);
        body.put(FileChunk.MARKER).put(direction).putLong(transferId).putLong(offset);
        return body.array();
    }
}
