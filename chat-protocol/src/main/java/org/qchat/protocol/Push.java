package org.qchat.protocol;

/** A packet the server sends on its own initiative; it has no request id and expects no reply. */
public interface Push extends Packet {
}
