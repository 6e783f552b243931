package org.qchat.protocol;

/** The server's answer to a {@link Request}; {@link #id()} is the request's id. */
public interface Response extends Packet {

    String id();
}
