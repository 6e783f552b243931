package org.qchat.protocol.tio;

import org.qchat.protocol.FrameException;
import org.qchat.protocol.Packet;
import org.qchat.protocol.PacketException;

/**
 * What t-io carries between our codec and our handlers. Inbound it holds a decoded packet, or the
 * reason a frame was rejected; outbound it holds a frame's bytes, encoded once and shared when the
 * same packet goes to many connections.
 */
public final class TioFrame extends org.tio.core.intf.Packet {

    private static final long serialVersionUID = 1L;

    private final transient Packet packet;
    private final transient byte[] bytes;
    private final transient PacketException rejected;
    private final transient FrameException broken;

    private TioFrame(Packet packet, byte[] bytes, PacketException rejected, FrameException broken) {
        this.packet = packet;
        this.bytes = bytes;
        this.rejected = rejected;
        this.broken = broken;
    }

    public static TioFrame decoded(Packet packet) {
        return new TioFrame(packet, null, null, null);
    }

    public static TioFrame rejected(PacketException e) {
        return new TioFrame(null, null, e, null);
    }

    public static TioFrame broken(FrameException e) {
        return new TioFrame(null, null, null, e);
    }

    /** An outbound frame; {@code frameBytes} include the length prefix and must not be modified. */
    public static TioFrame outbound(byte[] frameBytes) {
        return new TioFrame(null, frameBytes, null, null);
    }

    /** The decoded packet, or null if the frame was rejected or broken. */
    public Packet packet() {
        return packet;
    }

    /** Why a well-framed body was not a valid packet, or null. */
    public PacketException rejected() {
        return rejected;
    }

    /** Why the stream cannot be read further, or null. */
    public FrameException broken() {
        return broken;
    }

    /** The encoded frame of an outbound packet. */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public String logstr() {
        return packet != null ? packet.type() : bytes != null ? bytes.length + " bytes" : "rejected frame";
    }
}
