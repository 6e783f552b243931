package org.qchat.server.testing.chaos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.packet.MessageSent;

/**
 * Judges a finished crash run against the delivery guarantees of protocol.md 11: what the senders
 * were told ({@code msg.sent}), what the server finally stores, and what every member's device
 * holds. Pure data in, violations out; no sockets, so it is unit-tested on its own
 * ({@code DeliveryCheckerTest}) and both crash tests use it — the one that expects no violation and
 * the one that expects the ack-before-commit server to be caught.
 */
public final class DeliveryChecker {

    /** What went wrong. */
    public enum Kind {
        /** A message its sender got {@code msg.sent} for is not stored: the ack was a lie. */
        LOST_ACKED,
        /** A {@code msg.sent} (first or after a resend) differs from the stored message (msgId, seq, time, conv). */
        ACK_MISMATCH,
        /** One (sender, clientMsgId) is stored more than once: a resend was not de-duplicated. */
        DUPLICATE_STORED,
        /** A conversation's stored seqs are not exactly 1..N. */
        SEQ_GAP,
        /** A member's device lacks a stored message after its final resync. */
        NOT_DELIVERED,
        /** A member's device holds, at some seq, a message other than the stored one (or a seq beyond the last). */
        WRONG_COPY,
        /** A stored message that no client sent, or whose text differs from what was sent. */
        NOT_SENT_AS_STORED,
        /** A message that never got {@code msg.sent} although the run ended with every outbox resent. */
        UNRESOLVED,
        /** A message the server refused (an error that means "not stored"), yet it is stored, or refused at all. */
        REFUSED,
        /** Two copies of one (conv, seq) disagreed on a device during the run. */
        CONFLICTING_COPY,
        /** Pushes of one conversation arrived out of seq order on one connection. */
        PUSH_OUT_OF_ORDER
    }

    public record Violation(Kind kind, String detail) {
        @Override
        public String toString() {
            return kind + ": " + detail;
        }
    }

    /**
     * One message as its sender saw it.
     *
     * @param acks    every {@code msg.sent} received for it, in order (more than one only if a client resent an acked message)
     * @param refusal the error code if the server refused it for good, else null
     */
    public record Sent(long senderId, long convId, String clientMsgId, String text, List<MessageSent> acks,
                      ErrorCode refusal) {
    }

    /** A conversation, its members from its first message on, and everything the server stores for it (a final pull). */
    public record Conversation(long convId, Set<Long> members, List<MessageInfo> stored) {
    }

    private DeliveryChecker() {
    }

    /**
     * Every violation of: acknowledged means stored and delivered to every member exactly once,
     * in seq order without gaps; resends stored once with the original ack; nothing stored that
     * was not sent. {@code received} maps each member's user id to what their device holds.
     */
    public static List<Violation> check(Collection<Conversation> conversations, Collection<Sent> sent,
                                        Map<Long, ReceivedMessages> received) {
        List<Violation> out = new ArrayList<>();
        Map<String, Sent> sentByKey = new HashMap<>();
        for (Sent s : sent) {
            sentByKey.put(key(s.senderId(), s.clientMsgId()), s);
        }
        Map<String, MessageInfo> storedByKey = new HashMap<>();
        for (Conversation conv : conversations) {
            checkStored(conv, sentByKey, storedByKey, out);
            checkDelivered(conv, received, out);
        }
        for (Sent s : sent) {
            checkAcknowledged(s, storedByKey.get(key(s.senderId(), s.clientMsgId())), out);
        }
        return out;
    }

    private static void checkStored(Conversation conv, Map<String, Sent> sentByKey, Map<String, MessageInfo> storedByKey,
                                    List<Violation> out) {
        long expectedSeq = 1;
        for (MessageInfo m : conv.stored()) {
            if (m.seq() != expectedSeq) {
                out.add(new Violation(Kind.SEQ_GAP, "conv " + conv.convId() + ": expected seq " + expectedSeq
                        + ", stored " + describe(m)));
                expectedSeq = m.seq();
            }
            expectedSeq++;
            String key = key(m.senderId(), m.clientMsgId());
            MessageInfo earlier = storedByKey.putIfAbsent(key, m);
            if (earlier != null) {
                out.add(new Violation(Kind.DUPLICATE_STORED, describe(m) + " duplicates " + describe(earlier)));
            }
            if (m.kind() == MessageKind.SYSTEM) {
                continue; // written by the server with a group change, never sent by a client
            }
            Sent s = sentByKey.get(key);
            if (s == null || s.convId() != m.convId() || !s.text().equals(m.text())) {
                out.add(new Violation(Kind.NOT_SENT_AS_STORED, describe(m) + (s == null ? " was never sent"
                        : " was sent to conv " + s.convId() + " as \"" + s.text() + "\" but stored as \"" + m.text() + "\"")));
            }
        }
    }

    private static void checkDelivered(Conversation conv, Map<Long, ReceivedMessages> received, List<Violation> out) {
        List<MessageInfo> stored = conv.stored();
        long lastSeq = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).seq();
        for (long member : conv.members()) {
            ReceivedMessages device = received.get(member);
            if (device == null) {
                out.add(new Violation(Kind.NOT_DELIVERED, "conv " + conv.convId() + ": no device of member " + member));
                continue;
            }
            int missing = 0;
            for (MessageInfo m : stored) {
                long held = device.msgIdAt(conv.convId(), m.seq());
                if (held == 0 && m.kind() == MessageKind.SYSTEM) {
                    continue; // a group's lines from before this member joined are not theirs to see
                }
                if (held == 0) {
                    if (missing++ < 5) {
                        out.add(new Violation(Kind.NOT_DELIVERED, "user " + member + " lacks " + describe(m)));
                    }
                } else if (held != m.msgId()) {
                    out.add(new Violation(Kind.WRONG_COPY, "user " + member + " holds msgId " + held + " where "
                            + describe(m) + " is stored"));
                }
            }
            if (missing > 5) {
                out.add(new Violation(Kind.NOT_DELIVERED, "user " + member + " lacks " + (missing - 5)
                        + " more messages of conv " + conv.convId()));
            }
            long beyond = device.highestSeq(conv.convId());
            if (beyond > lastSeq) {
                out.add(new Violation(Kind.WRONG_COPY, "user " + member + " holds conv " + conv.convId() + " seq "
                        + beyond + " (msgId " + device.msgIdAt(conv.convId(), beyond) + ") but the last stored seq is "
                        + lastSeq));
            }
        }
    }

    private static void checkAcknowledged(Sent s, MessageInfo stored, List<Violation> out) {
        String who = "user " + s.senderId() + " " + s.clientMsgId() + " to conv " + s.convId();
        if (s.refusal() != null) {
            out.add(new Violation(Kind.REFUSED, who + " was refused with " + s.refusal()
                    + (stored == null ? "" : " but is stored as " + describe(stored))));
            return;
        }
        if (s.acks().isEmpty()) {
            out.add(new Violation(Kind.UNRESOLVED, who + " never got msg.sent"
                    + (stored == null ? " and is not stored" : " though it is stored as " + describe(stored))));
            return;
        }
        if (stored == null) {
            out.add(new Violation(Kind.LOST_ACKED, who + " was acknowledged (" + s.acks().get(0)
                    + ") but is not stored"));
            return;
        }
        for (MessageSent ack : s.acks()) {
            if (ack.msgId() != stored.msgId() || ack.seq() != stored.seq() || ack.time() != stored.time()
                    || ack.convId() != stored.convId() || !ack.clientMsgId().equals(stored.clientMsgId())) {
                out.add(new Violation(Kind.ACK_MISMATCH, who + ": ack " + ack + " but stored " + describe(stored)));
            }
        }
    }

    private static String key(long senderId, String clientMsgId) {
        return senderId + "/" + clientMsgId;
    }

    private static String describe(MessageInfo m) {
        return "conv " + m.convId() + " seq " + m.seq() + " msgId " + m.msgId() + " (user " + m.senderId() + " "
                + m.clientMsgId() + ")";
    }
}
