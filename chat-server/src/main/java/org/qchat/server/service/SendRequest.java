package org.qchat.server.service;

/**
 * A message someone asked to store, before the writer checked it. {@code announcement} allows the
 * system conversation (administrators, through {@code broadcast}).
 */
public record SendRequest(long senderId, long convId, String clientMsgId, String text, boolean announcement) {
}
