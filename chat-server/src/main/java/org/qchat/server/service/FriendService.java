package org.qchat.server.service;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qchat.server.db.Tx;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.FriendInfo;
import org.qchat.protocol.model.FriendRequestInfo;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.FriendAddedPush;
import org.qchat.protocol.packet.FriendDeclinedPush;
import org.qchat.protocol.packet.FriendRemovedPush;
import org.qchat.protocol.packet.FriendRequestPush;
import org.qchat.server.config.Caps;
import org.qchat.server.db.Database;
import org.qchat.server.route.Router;
import org.qchat.server.state.StateEditor;
import org.qchat.server.store.BlockStore;
import org.qchat.server.store.ConversationRecord;
import org.qchat.server.store.ConversationStore;
import org.qchat.server.store.FriendStore;
import org.qchat.server.store.UserRecord;
import org.qchat.server.store.UserStore;

/**
 * Friend requests, friendships, blocks. Blocking calls: run on a connection's serial executor.
 * Whatever can make or end a friendship, or block, runs on the message writer
 * ({@link MessageWriter#change}), in order with message appends. The caps (friends per user,
 * pending outgoing requests per user) are checked while the pair's user rows are locked, so
 * concurrent requests cannot overshoot them.
 */
public final class FriendService {

    private final Database db;
    private final MessageWriter writer;
    private final FriendStore friends;
    private final BlockStore blocks;
    private final UserStore users;
    private final ConversationStore conversations;
    private final Directory directory;
    private final InputValidator validate;
    private final Router router;
    private final Clock clock;
    private final Caps caps;

    public FriendService(Database db, MessageWriter writer, FriendStore friends, BlockStore blocks, UserStore users,
                         ConversationStore conversations, Directory directory, InputValidator validate, Router router,
                         Clock clock, Caps caps) {
        this.db = db;
        this.writer = writer;
        this.friends = friends;
        this.blocks = blocks;
        this.users = users;
        this.conversations = conversations;
        this.directory = directory;
        this.validate = validate;
        this.router = router;
        this.clock = clock;
        this.caps = caps;
    }

    /** Sends (or renews) a request; if the target already asked us, the two become friends at once. */
    public void request(long me, long target, String note) throws ChatException {
        String text = note == null ? "" : note;
        validate.note(text);
        if (me == target) {
            throw ChatException.badRequest("you cannot befriend yourself");
        }
        long now = clock.millis();
        Object outcome = writer.change(edit -> {
            Tx c = edit.tx();
            if (!users.lockPair(c, me, target)) {
                throw ChatException.notFound("no such user");
            }
            if (friends.areFriends(c, me, target)) {
                throw ChatException.conflict("already friends");
            }
            if (blocks.isBlocked(c, target, me)) {
                throw ChatException.forbidden("this user does not accept your requests");
            }
            if (blocks.isBlocked(c, me, target)) {
                throw ChatException.forbidden("unblock this user first");
            }
            requireRoomForFriend(c, me, "you have");
            var reverse = friends.requestBetween(c, target, me);
            if (reverse.isPresent()) {
                requireRoomForFriend(c, target, "the other user has");
                friends.deleteRequest(c, reverse.get().id());
                return befriend(edit, target, me, now);
            }
            var existing = friends.requestBetween(c, me, target);
            long requestId;
            if (existing.isPresent()) {
                requestId = existing.get().id();
                friends.updateNote(c, requestId, text, now);
            } else {
                if (friends.countOutgoing(c, me) >= caps.maxPendingRequests()) {
                    throw new ChatException(ErrorCode.TOO_LARGE, "you have too many pending friend requests (at most "
                            + caps.maxPendingRequests() + "); wait for answers first");
                }
                requestId = friends.insertRequest(c, me, target, text, now);
            }
            return new FriendRequestInfo(requestId, directory.user(c, me), directory.user(c, target), text, now);
        });
        if (outcome instanceof FriendRequestInfo request) {
            router.sendToUser(target, new FriendRequestPush(request), null);
        } else {
            announceFriendship((Befriended) outcome);
        }
    }

    public void respond(long me, long requestId, boolean accept) throws ChatException {
        long now = clock.millis();
        FriendStore.RequestRecord request = db.tx(c -> friends.requestById(c, requestId))
                .filter(r -> r.toId() == me)
                .orElseThrow(() -> ChatException.notFound("no such friend request"));
        if (!accept) {
            db.txRun(c -> friends.deleteRequest(c, requestId));
            router.sendToUser(request.fromId(), new FriendDeclinedPush(requestId, me), null);
            return;
        }
        Befriended result = writer.change(edit -> {
            Tx c = edit.tx();
            users.lockPair(c, request.fromId(), me);
            if (friends.requestById(c, requestId).isEmpty()) {
                throw ChatException.notFound("no such friend request");
            }
            friends.deleteRequest(c, requestId);
            if (friends.areFriends(c, request.fromId(), me)) {
                throw ChatException.conflict("already friends");
            }
            requireRoomForFriend(c, me, "you have");
            requireRoomForFriend(c, request.fromId(), "the other user has");
            return befriend(edit, request.fromId(), me, now);
        });
        announceFriendship(result);
    }

    public void remove(long me, long other) throws ChatException {
        writer.change(edit -> {
            Tx c = edit.tx();
            users.lockPair(c, me, other);
            if (!friends.areFriends(c, me, other)) {
                throw ChatException.notFound("not friends");
            }
            friends.removeFriendship(c, me, other);
            ConversationRecord conv = conversations.findPrivate(c, me, other).orElseThrow();
            edit.closePeriod(conv.id(), me);
            edit.closePeriod(conv.id(), other);
            return null;
        });
        router.sendToUser(me, new FriendRemovedPush(other), null);
        router.sendToUser(other, new FriendRemovedPush(me), null);
    }

    public List<FriendInfo> list(long me) {
        return db.tx(c -> {
            List<FriendStore.Friend> list = friends.friendsOf(c, me);
            Map<Long, UserRecord> byId = directory.users(c, list.stream().map(FriendStore.Friend::friendId).toList());
            List<FriendInfo> out = new ArrayList<>();
            for (FriendStore.Friend f : list) {
                UserRecord u = byId.get(f.friendId());
                out.add(new FriendInfo(u.toInfo(), router.isOnline(f.friendId()), f.convId(), f.remark()));
            }
            out.sort((a, b) -> Boolean.compare(b.online(), a.online()) != 0 ? Boolean.compare(b.online(), a.online())
                    : a.user().nickname().compareToIgnoreCase(b.user().nickname()));
            return out;
        });
    }

    /** Pending requests: [incoming, outgoing]. */
    public List<List<FriendRequestInfo>> requests(long me) throws ChatException {
        return db.tx(c -> List.of(toInfos(c, friends.incoming(c, me)), toInfos(c, friends.outgoing(c, me))));
    }

    public List<FriendRequestInfo> incoming(Tx c, long me) throws SQLException, ChatException {
        return toInfos(c, friends.incoming(c, me));
    }

    public void block(long me, long target) throws ChatException {
        if (me == target) {
            throw ChatException.badRequest("you cannot block yourself");
        }
        long now = clock.millis();
        writer.change(edit -> {
            Tx c = edit.tx();
            directory.user(c, target);
            if (!blocks.isBlocked(c, me, target)) {
                edit.block(me, target, now);
            }
            friends.deleteRequestsBetween(c, me, target);
            return null;
        });
    }

    public void unblock(long me, long target) throws ChatException {
        if (me == target) {
            throw ChatException.badRequest("you cannot unblock yourself");
        }
        writer.change(edit -> {
            directory.user(edit.tx(), target);
            edit.unblock(me, target);
            return null;
        });
    }

    public List<UserInfo> blocked(long me) {
        return db.tx(c -> {
            List<Long> ids = blocks.blockedBy(c, me);
            Map<Long, UserRecord> byId = users.findByIds(c, ids);
            return ids.stream().map(byId::get).map(UserRecord::toInfo).toList();
        });
    }

    private List<FriendRequestInfo> toInfos(Tx c, List<FriendStore.RequestRecord> records)
            throws SQLException, ChatException {
        List<FriendRequestInfo> out = new ArrayList<>();
        for (FriendStore.RequestRecord r : records) {
            out.add(directory.request(c, r));
        }
        return out;
    }

    /** Refuses with TOO_LARGE if {@code userId} has reached the friend cap; the caller holds the user's lock. */
    private void requireRoomForFriend(Tx c, long userId, String who) throws SQLException, ChatException {
        if (friends.countFriends(c, userId) >= caps.maxFriends()) {
            throw new ChatException(ErrorCode.TOO_LARGE, who + " too many friends (at most " + caps.maxFriends() + ")");
        }
    }

    /** Makes two users friends, reusing their private conversation if they were friends before. */
    private Befriended befriend(StateEditor edit, long a, long b, long now) throws SQLException, ChatException {
        Tx c = edit.tx();
        var previous = conversations.findPrivate(c, a, b);
        long convId = previous.isPresent() ? previous.get().id() : edit.createPrivate(a, b, now);
        edit.openPeriod(convId, a);
        edit.openPeriod(convId, b);
        friends.addFriendship(c, a, b, convId, now);
        friends.deleteRequestsBetween(c, a, b);
        return new Befriended(directory.user(c, a), directory.user(c, b), convId);
    }

    private void announceFriendship(Befriended f) {
        router.sendToUser(f.a().userId(), new FriendAddedPush(new FriendInfo(f.b(), router.isOnline(f.b().userId()),
                f.convId())), null);
        router.sendToUser(f.b().userId(), new FriendAddedPush(new FriendInfo(f.a(), router.isOnline(f.a().userId()),
                f.convId())), null);
    }

    private record Befriended(UserInfo a, UserInfo b, long convId) {
    }
}
