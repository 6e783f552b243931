package org.qchat.server.state;

import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;

/** Who blocked whom, for the message path. Writer thread only (and loading, before it starts). */
final class Blocks {

    private final Long2ObjectHashMap<LongHashSet> blockedBy = new Long2ObjectHashMap<>();

    boolean blocks(long userId, long blockedId) {
        LongHashSet set = blockedBy.get(userId);
        return set != null && set.contains(blockedId);
    }

    void add(long userId, long blockedId) {
        LongHashSet set = blockedBy.get(userId);
        if (set == null) {
            set = new LongHashSet(4);
            blockedBy.put(userId, set);
        }
        set.add(blockedId);
    }

    void remove(long userId, long blockedId) {
        LongHashSet set = blockedBy.get(userId);
        if (set != null && set.remove(blockedId) && set.isEmpty()) {
            blockedBy.remove(userId);
        }
    }
}
