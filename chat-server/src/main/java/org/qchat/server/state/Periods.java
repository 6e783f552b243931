package org.qchat.server.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.qchat.server.store.MembershipPeriod;

/**
 * Every membership period of one user, in all their conversations: which seqs of which
 * conversation they may read. Immutable: a change makes a new one.
 *
 * <p>Packed as triples {@code convId, fromSeq, untilSeq} in one array, sorted by conversation and
 * then start, {@code untilSeq = OPEN} while the membership lasts: a user in a few dozen
 * conversations costs a few hundred bytes, and every user of the server is held.
 */
public final class Periods {

    static final long OPEN = Long.MAX_VALUE;
    static final Periods NONE = new Periods(new long[0]);

    private final long[] triples;

    private Periods(long[] triples) {
        this.triples = triples;
    }

    /** Whether the user is a current member of {@code convId}. */
    public boolean isMember(long convId) {
        int last = lastIndexOf(convId);
        return last >= 0 && triples[3 * last + 2] == OPEN;
    }

    /** Whether the user ever had a period in {@code convId}. */
    public boolean hasAny(long convId) {
        return lastIndexOf(convId) >= 0;
    }

    /** The user's periods in {@code convId}, oldest first; empty if never a member. */
    public List<MembershipPeriod> in(long convId) {
        int last = lastIndexOf(convId);
        if (last < 0) {
            return List.of();
        }
        int first = last;
        while (first > 0 && triples[3 * (first - 1)] == convId) {
            first--;
        }
        List<MembershipPeriod> out = new ArrayList<>(last - first + 1);
        for (int i = first; i <= last; i++) {
            out.add(period(i));
        }
        return out;
    }

    /** Every period, grouped by conversation (ascending id), oldest first within one. */
    public List<MembershipPeriod> all() {
        List<MembershipPeriod> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(period(i));
        }
        return out;
    }

    public int size() {
        return triples.length / 3;
    }

    /** A copy with a new open period of {@code convId} from {@code fromSeq}. No-op if one is open. */
    Periods opened(long convId, long fromSeq) {
        if (isMember(convId)) {
            return this;
        }
        int at = insertionPoint(convId);
        long[] next = new long[triples.length + 3];
        System.arraycopy(triples, 0, next, 0, 3 * at);
        next[3 * at] = convId;
        next[3 * at + 1] = fromSeq;
        next[3 * at + 2] = OPEN;
        System.arraycopy(triples, 3 * at, next, 3 * at + 3, triples.length - 3 * at);
        return new Periods(next);
    }

    /** A copy whose open period of {@code convId} ends at {@code untilSeq}. No-op if none is open. */
    Periods closed(long convId, long untilSeq) {
        int last = lastIndexOf(convId);
        if (last < 0 || triples[3 * last + 2] != OPEN) {
            return this;
        }
        long[] next = triples.clone();
        next[3 * last + 2] = untilSeq;
        return new Periods(next);
    }

    /**
     * A copy whose periods in {@code convId} are exactly {@code inConv} (oldest first): a reload of
     * one conversation from the database.
     */
    Periods replacing(long convId, List<MembershipPeriod> inConv) {
        int last = lastIndexOf(convId);
        int first = last;
        while (first > 0 && triples[3 * (first - 1)] == convId) {
            first--;
        }
        int at = last < 0 ? insertionPoint(convId) : first;
        int removed = last < 0 ? 0 : last - first + 1;
        long[] next = new long[triples.length + 3 * (inConv.size() - removed)];
        System.arraycopy(triples, 0, next, 0, 3 * at);
        int i = 3 * at;
        for (MembershipPeriod p : inConv) {
            next[i++] = convId;
            next[i++] = p.fromSeq();
            next[i++] = p.untilSeq() == null ? OPEN : p.untilSeq();
        }
        System.arraycopy(triples, 3 * (at + removed), next, i, triples.length - 3 * (at + removed));
        return new Periods(next);
    }

    /** Builds one user's periods at loading; they are added sorted by conversation and start. */
    static final class Builder {
        private long[] triples = new long[12];
        private int length;

        void add(long convId, long fromSeq, Long untilSeq) {
            if (length + 3 > triples.length) {
                triples = Arrays.copyOf(triples, triples.length * 2);
            }
            triples[length++] = convId;
            triples[length++] = fromSeq;
            triples[length++] = untilSeq == null ? OPEN : untilSeq;
        }

        Periods build() {
            return new Periods(Arrays.copyOf(triples, length));
        }
    }

    private MembershipPeriod period(int i) {
        long until = triples[3 * i + 2];
        return new MembershipPeriod(triples[3 * i], triples[3 * i + 1], until == OPEN ? null : until);
    }

    /** Index of the last period of {@code convId}, or -1. */
    private int lastIndexOf(long convId) {
        int at = insertionPoint(convId) - 1;
        return at >= 0 && triples[3 * at] == convId ? at : -1;
    }

    /** Index of the first period of a conversation with a greater id than {@code convId}. */
    private int insertionPoint(long convId) {
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (triples[3 * mid] <= convId) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
