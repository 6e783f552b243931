package org.qchat.protocol;

import java.nio.ByteBuffer;

/**
 * Frames packets on a byte stream: a 4-byte big-endian body length, then the body, a UTF-8
 * JSON object.
 *
 * <pre>
 *   +----------------+---------------------------------+
 *   | length (int32) | body: {"type":"ping","id":"1"}  |
 *   +----------------+---------------------------------+
 *   [00 00 00 18] 7b 22 74 79 70 65 22 3a 22 70 69 6e 67 22 2c 22 69 64 22 3a 22 31 22 7d
 * </pre>
 *
 * A body whose first byte is 0x00 is not JSON but a binary data frame ({@link FileChunk}, protocol
 * version 2). The length counts the body only, not itself. It must be between 1 and
 * {@link #maxFrameLength()} (default {@value #DEFAULT_MAX_FRAME_LENGTH} bytes); a larger or
 * negative length is rejected before any buffer is allocated. Pure Java, thread-safe, no I/O.
 */
public final class FrameCodec {

    /** Default limit for a frame body: 256 KiB. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 256 * 1024;
    /** Size of the length prefix. */
    public static final int HEADER_LENGTH = 4;

    private final PacketMapper mapper;
    private final int maxFrameLength;

    public FrameCodec(PacketMapper mapper, int maxFrameLength) {
        if (maxFrameLength < 64) {
            throw new IllegalArgumentException("maxFrameLength must be at least 64, was " + maxFrameLength);
        }
        this.mapper = mapper;
        this.maxFrameLength = maxFrameLength;
    }

    public FrameCodec() {
        this(new PacketMapper(), DEFAULT_MAX_FRAME_LENGTH);
    }

    public int maxFrameLength() {
        return maxFrameLength;
    }

    public PacketMapper mapper() {
        return mapper;
    }

    /**
     * Reads one frame from {@code in} if a whole one is there.
     *
     * @return the packet, with {@code in}'s position just after its frame; or null when the frame
     *         is not complete yet, with {@code in}'s position unchanged
     * @throws FrameException  the length is negative or over the limit, or the body is not a UTF-8
     *                         JSON object: the stream cannot be resynchronised
     * @throws PacketException the body is a JSON object but not a valid packet; the frame was
     *                         consumed and the next one may be read
     */
    public Packet decode(ByteBuffer in) throws FrameException, PacketException {
        int length = completeFrameLength(in);
        if (length < 0) {
            return null;
        }
        in.position(in.position() + HEADER_LENGTH);
        if (in.get(in.position()) == FileChunk.MARKER) {
            // A data frame: it keeps its own copy of the bytes, the only one made of them.
            byte[] body = new byte[length];
            in.get(body);
            return FileChunk.parse(ByteBuffer.wrap(body));
        }
        byte[] body = new byte[length];
        in.get(body);
        return mapper.read(body);
    }

    /**
     * Checks the header at {@code in}'s position without consuming anything.
     *
     * @return the body length if the whole frame is readable, otherwise -1
     * @throws FrameException the declared length is invalid
     */
    public int completeFrameLength(ByteBuffer in) throws FrameException {
        if (in.remaining() < HEADER_LENGTH) {
            return -1;
        }
        int length = in.getInt(in.position());
        checkLength(length);
        return in.remaining() - HEADER_LENGTH >= length ? length : -1;
    }

    /** Throws if a declared body length is not acceptable. */
    public void checkLength(int length) throws FrameException {
        if (length < 0) {
            throw new FrameException(ErrorCode.BAD_REQUEST, "negative frame length " + length);
        }
        if (length == 0) {
            throw new FrameException(ErrorCode.BAD_REQUEST, "empty frame body");
        }
        if (length > maxFrameLength) {
            throw new FrameException(ErrorCode.TOO_LARGE,
                    "frame length " + length + " exceeds the maximum of " + maxFrameLength + " bytes");
        }
    }

    /** Encodes a packet as a complete frame: length prefix and body. */
    public byte[] encode(Packet packet) {
        return mapper.writeFrame(packet);
    }

    /** Prefixes a JSON body with its length. */
    public static byte[] frame(byte[] body) {
        byte[] frame = new byte[HEADER_LENGTH + body.length];
        ByteBuffer.wrap(frame).putInt(body.length).put(body);
        return frame;
    }
}
