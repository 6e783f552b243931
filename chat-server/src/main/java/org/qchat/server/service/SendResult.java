package org.qchat.server.service;

import org.qchat.protocol.model.MessageInfo;

/**
 * A stored message and who gets it pushed: the conversation's members when it was stored
 * ({@code recipients}, ascending, not to be modified), or everyone when null (announcements).
 * {@code duplicate}: it had been stored before (a resend); nothing is pushed.
 */
public record SendResult(MessageInfo message, long[] recipients, boolean duplicate) {
}
