package org.qchat.protocol;

import java.nio.ByteBuffer;

/**
 * A binary data frame: a piece of an upload (client to server) or of a download (server to client).
 * Not JSON: its body starts with the byte 0x00, which no JSON body does.
 *
 * <pre>
 *   offset size field
 *        0    1 0x00, the binary marker
 *        1    1 direction: 0x01 upload data, 0x02 download data
 *        2    8 transfer id (uploadId or downloadId), int64 big-endian
 *       10    8 offset of the first data byte in the file, int64 big-endian
 *       18    n data, 1 .. {@value #MAX_DATA} bytes
 * </pre>
 *
 * {@code data} is a read-only view of the received frame; it is not copied.
 */
public record FileChunk(Direction direction, long transferId, long offset, ByteBuffer data) implements Packet {

    /** The first byte of every binary frame body. */
    public static final byte MARKER = 0x00;
    /** Bytes before the data. */
    public static final int HEADER_LENGTH = 18;
    /** Most data one frame carries: 128 KiB. */
    public static final int MAX_DATA = 128 * 1024;

    /** Which way the data flows; the byte after the marker. */
    public enum Direction {
        UPLOAD(0x01), DOWNLOAD(0x02);

        private final byte code;

        Direction(int code) {
            this.code = (byte) code;
        }

        public byte code() {
            return code;
        }

        static Direction of(byte code) {
            for (Direction d : values()) {
                if (d.code == code) {
                    return d;
                }
            }
            return null;
        }
    }

    @Override
    public String type() {
        return "file.chunk";
    }

    /** Bytes of data the frame carries. */
    public int length() {
        return data.remaining();
    }

    /**
     * Parses a binary body (its first byte is {@link #MARKER}).
     *
     * @throws FrameException the header is short, the direction unknown, the offset negative or the data
     *                        empty or over {@link #MAX_DATA}: a peer that sends such a frame is broken
     */
    static FileChunk parse(ByteBuffer body) throws FrameException {
        int length = body.remaining();
        if (length <= HEADER_LENGTH) {
            throw new FrameException(ErrorCode.BAD_REQUEST, "binary frame of " + length + " bytes: the header is "
                    + HEADER_LENGTH + " bytes and at least one data byte must follow");
        }
        if (length - HEADER_LENGTH > MAX_DATA) {
            throw new FrameException(ErrorCode.TOO_LARGE, "binary frame carries " + (length - HEADER_LENGTH)
                    + " data bytes; the maximum is " + MAX_DATA);
        }
        int start = body.position();
        Direction direction = Direction.of(body.get(start + 1));
        if (direction == null) {
            throw new FrameException(ErrorCode.BAD_REQUEST, "binary frame of unknown direction " + body.get(start + 1));
        }
        long transferId = body.getLong(start + 2);
        long offset = body.getLong(start + 10);
        if (offset < 0) {
            throw new FrameException(ErrorCode.BAD_REQUEST, "binary frame at negative offset " + offset);
        }
        ByteBuffer data = body.duplicate().position(start + HEADER_LENGTH).slice().asReadOnlyBuffer();
        return new FileChunk(direction, transferId, offset, data);
    }

    /** Where the data starts in a whole frame (length prefix included). */
    public static final int FRAME_DATA_OFFSET = FrameCodec.HEADER_LENGTH + HEADER_LENGTH;

    /**
     * A whole frame, length prefix and header written, with room for {@code length} data bytes at
     * {@link #FRAME_DATA_OFFSET}: a sender reads a file straight into it.
     */
    public static byte[] emptyFrame(Direction direction, long transferId, long offset, int length) {
        if (length < 1 || length > MAX_DATA) {
            throw new IllegalArgumentException("a data frame carries 1.." + MAX_DATA + " bytes, not " + length);
        }
        byte[] frame = new byte[FRAME_DATA_OFFSET + length];
        ByteBuffer.wrap(frame)
                .putInt(HEADER_LENGTH + length)
                .put(MARKER)
                .put(direction.code)
                .putLong(transferId)
                .putLong(offset);
        return frame;
    }

    /** A whole frame, length prefix included, carrying {@code data[from, from + length)}. */
    public static byte[] frame(Direction direction, long transferId, long offset, byte[] data, int from, int length) {
        byte[] frame = emptyFrame(direction, transferId, offset, length);
        System.arraycopy(data, from, frame, FRAME_DATA_OFFSET, length);
        return frame;
    }
}
