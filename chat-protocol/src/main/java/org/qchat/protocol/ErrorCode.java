package org.qchat.protocol;

/**
 * Stable, machine-readable error codes carried by {@link org.qchat.protocol.packet.ErrorReply}.
 * Clients switch on these; the accompanying message is for people and may change.
 */
public enum ErrorCode {
    /** The request is malformed: unknown type, missing or invalid field, value out of range. */
    BAD_REQUEST,
    /** The request needs a logged-in session, or the credentials or token were not accepted. */
    UNAUTHENTICATED,
    /** The caller is known but not allowed to do this (not a friend, not a member, blocked...). */
    FORBIDDEN,
    /** The user, group, conversation or request named does not exist (or is not visible). */
    NOT_FOUND,
    /** The request conflicts with current state: name taken, already friends, already a member. */
    CONFLICT,
    /** A frame, message text or list is larger than the configured limit. */
    TOO_LARGE,
    /** The caller sent too many requests; retry later. */
    RATE_LIMITED,
    /** The client's protocol version is not supported by this server. */
    UNSUPPORTED_VERSION,
    /** The server is shutting down or cannot serve the request right now; retry later. */
    UNAVAILABLE,
    /** An unexpected server fault. The request may or may not have taken effect. */
    INTERNAL
}
