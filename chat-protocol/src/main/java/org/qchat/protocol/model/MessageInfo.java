package org.qchat.protocol.model;

/**
 * A stored message. {@code seq} is its position in the conversation (gapless, from 1);
 * {@code time} is the server's commit time in epoch milliseconds.
 */
public record MessageInfo(long msgId, long convId, long seq, long senderId, String clientMsgId, String text,
                          long time) {
}
