package org.qchat.client.core.history;

import java.util.List;

/** Finding where a page of messages stops being gapless (seqs are gapless from 1 on the server). */
public final class SeqRuns {

    private SeqRuns() {
    }

    /**
     * The gapless tail of an ascending page that ends right below {@code beforeSeq}: the messages
     * that may be shown directly above (well, before) the ones held. With {@code beforeSeq} 0 the
     * tail may end anywhere. Empty if the page's newest message is not {@code beforeSeq - 1}.
     */
    public static <M> List<M> gaplessTail(List<M> ascending, java.util.function.ToLongFunction<M> seq, long beforeSeq) {
        if (ascending.isEmpty()) {
            return List.of();
        }
        int last = ascending.size() - 1;
        if (beforeSeq > 0 && seq.applyAsLong(ascending.get(last)) != beforeSeq - 1) {
            return List.of();
        }
        int first = last;
        while (first > 0 && seq.applyAsLong(ascending.get(first - 1)) == seq.applyAsLong(ascending.get(first)) - 1) {
            first--;
        }
        return List.copyOf(ascending.subList(first, last + 1));
    }
}
