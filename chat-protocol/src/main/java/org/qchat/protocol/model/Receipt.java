package org.qchat.protocol.model;

/**
 * How far one user got in a conversation: {@code delivered}, the highest cursor any of their
 * devices stored with {@code sync.ack}; {@code read}, their read cursor ({@code msg.read}), shared
 * by all their devices. Reading implies delivery, so {@code delivered >= read}.
 */
public record Receipt(long userId, long delivered, long read) {
}
