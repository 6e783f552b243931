package org.qchat.server.service;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.Role;
import org.qchat.protocol.model.SystemEvent;
import org.qchat.protocol.packet.MuteMember;
import org.qchat.protocol.packet.SetGroupNotice;
import org.qchat.server.db.Tx;
import org.qchat.server.store.GroupRecord;
import org.qchat.server.store.GroupStore;

/**
 * What the owner and admins of a group control besides membership: the group notice and who may
 * send (one member muted for a while, or every plain member at once). Each change runs on the
 * message writer like a membership change, writes its system line in the same commit, and — for
 * mutes — replaces the group's send rules in memory ({@link GroupService#rulesChanged}).
 * Blocking calls: run on a connection's serial executor.
 */
public final class GroupModeration {

    /** The longest group notice, in code points. */
    public static final int MAX_NOTICE = 2000;

    private final MessageWriter writer;
    private final GroupStore groups;
    private final Clock clock;
    private final SystemLines lines;

    GroupModeration(MessageWriter writer, GroupStore groups, Clock clock, SystemLines lines) {
        this.writer = writer;
        this.groups = groups;
        this.clock = clock;
        this.lines = lines;
    }

    /** Sets the notice ({@link SetGroupNotice}); an empty text clears it. Owner and admins only. */
    public void setNotice(long me, long groupId, String text) throws ChatException {
        if (text.codePointCount(0, text.length()) > MAX_NOTICE) {
            throw new ChatException(ErrorCode.TOO_LARGE, "the notice is longer than " + MAX_NOTICE + " characters");
        }
        long now = clock.millis();
        writer.change(edit -> {
            Tx c = edit.tx();
            live(c, groupId);
            requireModerator(c, groupId, me, "only the owner and admins can set the notice");
            groups.setNotice(c, groupId, text.isEmpty() ? null : text, me, now);
            lines.write(edit, groupId, new SystemEvent("notice", me, null, null, null, text), members(c, groupId), now);
            return null;
        });
    }

    /**
     * Mutes {@code target} for {@code minutes} (0 lifts the mute). Owner and admins only; nobody
     * mutes the owner, and an admin does not mute another admin.
     */
    public void mute(long me, long groupId, long target, int minutes) throws ChatException {
        if (minutes < 0 || minutes > MuteMember.MAX_MINUTES) {
            throw ChatException.badRequest("minutes must be between 0 and " + MuteMember.MAX_MINUTES);
        }
        long now = clock.millis();
        writer.change(edit -> {
            Tx c = edit.tx();
            live(c, groupId);
            Role mine = requireModerator(c, groupId, me, "only the owner and admins can mute members");
            Role theirs = groups.roleOf(c, groupId, target)
                    .orElseThrow(() -> ChatException.notFound("that user is not a member"));
            if (theirs == Role.OWNER) {
                throw ChatException.forbidden("the owner cannot be muted");
            }
            if (theirs == Role.ADMIN && mine != Role.OWNER) {
                throw ChatException.forbidden("only the owner can mute an admin");
            }
            Long until = minutes == 0 ? null : now + minutes * 60_000L;
            groups.setMutedUntil(c, groupId, target, until);
            GroupService.rulesChanged(edit, groupId);
            SystemEvent event = until == null ? SystemEvent.of("unmuted", me, target)
                    : new SystemEvent("muted", me, target, null, until, null);
            lines.write(edit, groupId, event, members(c, groupId), now);
            return null;
        });
    }

    /** Lets only the owner and admins send ({@code muted}), or everyone again. Owner and admins only. */
    public void muteAll(long me, long groupId, boolean muted) throws ChatException {
        long now = clock.millis();
        writer.change(edit -> {
            Tx c = edit.tx();
            GroupRecord g = live(c, groupId);
            requireModerator(c, groupId, me, "only the owner and admins can mute all members");
            if (g.mutedAll() == muted) {
                return null;
            }
            groups.setMutedAll(c, groupId, muted);
            GroupService.rulesChanged(edit, groupId);
            lines.write(edit, groupId, SystemEvent.of(muted ? "mute_all" : "unmute_all", me, null), members(c, groupId), now);
            return null;
        });
    }

    private GroupRecord live(Tx c, long groupId) throws SQLException, ChatException {
        return groups.find(c, groupId).filter(g -> !g.dissolved())
                .orElseThrow(() -> ChatException.notFound("no such group"));
    }

    private Role requireModerator(Tx c, long groupId, long userId, String refusal) throws SQLException, ChatException {
        Role role = groups.roleOf(c, groupId, userId)
                .orElseThrow(() -> ChatException.forbidden("you are not a member of this group"));
        if (role == Role.MEMBER) {
            throw ChatException.forbidden(refusal);
        }
        return role;
    }

    private List<Long> members(Tx c, long groupId) throws SQLException {
        return groups.members(c, groupId).stream().map(GroupStore.Member::userId).toList();
    }
}
