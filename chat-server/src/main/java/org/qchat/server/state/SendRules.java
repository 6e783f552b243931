package org.qchat.server.state;

import java.util.Arrays;
import java.util.Map;

/**
 * Who of a group's members may not send: members muted until a time, and — while the group is
 * muted as a whole — everyone but the owner and admins ({@code privileged}). A mute decides who
 * may send as membership does, so it changes through the {@link StateEditor} and, in a cluster,
 * moves the conversation's state version. Immutable; replaced whole.
 */
public record SendRules(boolean mutedAll, long[] privileged, Map<Long, Long> mutedUntil) {

    /** A group where every member may send. */
    public static final SendRules OPEN = new SendRules(false, new long[0], Map.of());

    /** @param privileged the owner and admins, ascending */
    public SendRules {
        privileged = privileged.clone();
        Arrays.sort(privileged);
        mutedUntil = Map.copyOf(mutedUntil);
    }

    /** Why {@code userId} may not send at {@code now}, or null if they may. */
    public String refusal(long userId, long now) {
        Long until = mutedUntil.get(userId);
        if (until != null && until > now) {
            return "you are muted in this group until " + java.time.Instant.ofEpochMilli(until);
        }
        if (mutedAll && Arrays.binarySearch(privileged, userId) < 0) {
            return "all members are muted in this group; only the owner and admins may send";
        }
        return null;
    }
}
