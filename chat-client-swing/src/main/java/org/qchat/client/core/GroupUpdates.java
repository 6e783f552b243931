package org.qchat.client.core;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongFunction;

import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.GroupDirectory;
import org.qchat.client.core.model.Session;
import org.qchat.protocol.Request;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.SystemEvent;
import org.qchat.protocol.packet.GetGroup;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.protocol.packet.MuteAll;
import org.qchat.protocol.packet.MuteMember;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.SetGroupNotice;

/**
 * Group notice and mutes: the owner's and admins' requests, and keeping {@link GroupDirectory}
 * current when a system line says a group changed. Also asks for the name of a group I am no longer
 * in, so its read-only history keeps it. Called on the dispatcher thread.
 */
public final class GroupUpdates {

    /** Sends a request while online (fails at once otherwise). */
    interface Calls {
        <R extends Response> CompletableFuture<R> call(Function<String, ? extends Request> build, Class<R> type);
    }

    private final Calls calls;
    private final Session session;
    private final GroupDirectory groups;
    private final LongFunction<CompletableFuture<Void>> loadMembers;
    /** Groups I am no longer in whose name was asked for this session. */
    private final Set<Long> formerAsked = new HashSet<>();

    GroupUpdates(Calls calls, Session session, GroupDirectory groups, LongFunction<CompletableFuture<Void>> loadMembers) {
        this.calls = calls;
        this.session = session;
        this.groups = groups;
        this.loadMembers = loadMembers;
    }

    /** Reads a group again (notice, mute all, my role); also one I am no longer in, for its name. */
    public CompletableFuture<GroupInfo> refreshGroup(long groupId) {
        return calls.call(id -> new GetGroup(id, groupId), GroupReply.class).thenApply(reply -> {
            groups.remember(reply.group());
            return reply.group();
        });
    }

    /** Sets the group notice ("" clears it); owner and admins. */
    public CompletableFuture<Void> setNotice(long groupId, String text) {
        return calls.call(id -> new SetGroupNotice(id, groupId, text.strip()), Ok.class)
                .thenCompose(ok -> refreshGroup(groupId)).thenApply(g -> null);
    }

    /** Mutes a member for {@code minutes} (0 lifts it); owner and admins. */
    public CompletableFuture<Void> muteMember(long groupId, long userId, int minutes) {
        return calls.call(id -> new MuteMember(id, groupId, userId, minutes), Ok.class)
                .thenCompose(ok -> loadMembers.apply(groupId));
    }

    /** Lets only the owner and admins send, or everyone again. */
    public CompletableFuture<Void> muteAll(long groupId, boolean muted) {
        return calls.call(id -> new MuteAll(id, groupId, muted), Ok.class)
                .thenCompose(ok -> refreshGroup(groupId)).thenApply(g -> null);
    }

    /** A system line arrived live: what it changed that the group's reply or member list holds. */
    void lineArrived(long groupId, SystemEvent event) {
        switch (event.event()) {
            case "notice", "mute_all", "unmute_all" -> refreshGroup(groupId);
            case "muted", "unmuted" -> {
                if (event.targetId() != null && event.targetId() == session.myId()) {
                    groups.noteMyMute(groupId, "muted".equals(event.event()) ? event.until() : null);
                }
                if (groups.membersLoaded(groupId)) {
                    loadMembers.apply(groupId);
                }
            }
            default -> {
            }
        }
    }

    /** A conversation of a group I am no longer in (seen in a sync): its name, for its read-only history. */
    void learnFormerGroup(Conversation conversation) {
        long groupId = conversation.convId();
        if (conversation.kind() == ConversationKind.GROUP && !groups.isMember(groupId) && groups.info(groupId).isEmpty()
                && session.state() == ConnectionState.ONLINE && formerAsked.add(groupId)) {
            refreshGroup(groupId).whenComplete((group, failure) -> {
                if (failure != null) {
                    formerAsked.remove(groupId);
                }
            });
        }
    }

    /** A fresh session: ask again. */
    void reset() {
        formerAsked.clear();
    }
}
