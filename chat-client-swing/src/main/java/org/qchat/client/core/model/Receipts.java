package org.qchat.client.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far the members of one conversation got, from {@code receipts.list} and {@code receipt}
 * pushes: per user, the delivered and read cursors. Turns them into what a message of mine shows:
 * ticks in a private chat, "read by" in a group.
 */
public final class Receipts {

    /** What one of my messages shows. */
    public enum Tick {
        /** Not stored yet (clock). */
        SENDING,
        /** Stored by the server (one grey tick). */
        SENT,
        /** Some device of the peer holds it (two grey ticks). */
        DELIVERED,
        /** The peer read it (two blue ticks). */
        READ
    }

    private record Cursors(long delivered, long read) {
    }

    private final Map<Long, Cursors> byUser = new HashMap<>();

    /** Moves a user's cursors forward; returns true if anything moved. */
    public boolean put(long userId, long delivered, long read) {
        Cursors before = byUser.getOrDefault(userId, new Cursors(0, 0));
        long r = Math.max(before.read(), read);
        Cursors after = new Cursors(Math.max(Math.max(before.delivered(), delivered), r), r);
        if (after.equals(before)) {
            return false;
        }
        byUser.put(userId, after);
        return true;
    }

    /** The tick of my message {@code seq} (0: not stored yet) as {@code peerId} sees it. */
    public Tick tick(long seq, long peerId) {
        if (seq <= 0) {
            return Tick.SENDING;
        }
        Cursors peer = byUser.get(peerId);
        if (peer == null || peer.delivered() < seq) {
            return Tick.SENT;
        }
        return peer.read() >= seq ? Tick.READ : Tick.DELIVERED;
    }

    /** The users other than the sender who read {@code seq}, in ascending id order. */
    public List<Long> readers(long seq, long senderId) {
        List<Long> out = new ArrayList<>();
        byUser.forEach((userId, cursors) -> {
            if (userId != senderId && cursors.read() >= seq) {
                out.add(userId);
            }
        });
        out.sort(null);
        return out;
    }

    /** A user's read cursor, 0 if unknown. */
    public long readOf(long userId) {
        Cursors c = byUser.get(userId);
        return c == null ? 0 : c.read();
    }
}
