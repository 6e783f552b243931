package org.qchat.protocol.model;

/**
 * What a system line in a group's history records: a change to the group that every member sees
 * in the conversation, at the seq where it happened. {@code event} is one of the strings listed in
 * docs/protocol.md (clients show unknown ones generically); {@code actorId} made the change,
 * {@code targetId} is the member it concerns (absent for changes to the group as a whole).
 * {@code role}, {@code until} and {@code notice} are present only for the events that carry them.
 */
public record SystemEvent(String event, long actorId, Long targetId, String role, Long until, String notice) {

    public static SystemEvent of(String event, long actorId, Long targetId) {
        return new SystemEvent(event, actorId, targetId, null, null, null);
    }
}
