package org.qchat.protocol;

/**
 * One message on the wire. Every implementation is an immutable record annotated with
 * {@link PacketType}; {@link PacketRegistry} maps the wire {@code type} name to the record.
 */
public interface Packet {

    /** The wire name of this packet, e.g. {@code "msg.send"}. */
    default String type() {
        return PacketRegistry.typeOf(getClass());
    }
}
