package org.qchat.client.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.qchat.client.core.model.BlockedUsers;
import org.qchat.client.core.model.UserDirectory;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.BlockUser;
import org.qchat.protocol.packet.ChangePassword;
import org.qchat.protocol.packet.ListBlocked;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.UnblockUser;
import org.qchat.protocol.packet.UserList;

/**
 * What a user does to their own account besides the profile: block and unblock people, change the
 * password. Same threading as {@link ChatClient}: call on the dispatcher thread; futures complete there.
 */
public final class AccountRequests {

    private final OnlineCalls calls;
    private final BlockedUsers blocked;
    private final UserDirectory users;

    AccountRequests(OnlineCalls calls, BlockedUsers blocked, UserDirectory users) {
        this.calls = calls;
        this.blocked = blocked;
        this.users = users;
    }

    /** The people I blocked; filled after each login and kept up to date by {@link #block}/{@link #unblock}. */
    public BlockedUsers blocked() {
        return blocked;
    }

    /** They can no longer send me private messages or friend requests; a friendship stays. */
    public CompletableFuture<Void> block(UserInfo user) {
        return calls.call(id -> new BlockUser(id, user.userId()), Ok.class).thenRun(() -> blocked.add(user));
    }

    public CompletableFuture<Void> unblock(long userId) {
        return calls.call(id -> new UnblockUser(id, userId), Ok.class).thenRun(() -> blocked.remove(userId));
    }

    /** Reads the list from the server again. */
    public CompletableFuture<List<UserInfo>> refreshBlocked() {
        return calls.call(ListBlocked::new, UserList.class).thenApply(reply -> {
            reply.users().forEach(users::put);
            blocked.replaceAll(reply.users());
            return reply.users();
        });
    }

    /**
     * Sets a new password. On success the server has signed out every other device of mine; this
     * one stays signed in. A wrong {@code current} password fails with {@code UNAUTHENTICATED}
     * ({@link Action#PASSWORD_CHANGE}) and changes nothing.
     */
    public CompletableFuture<Void> changePassword(String current, String next) {
        return calls.call(id -> new ChangePassword(id, current, next), Ok.class).thenRun(() -> {
        });
    }
}
