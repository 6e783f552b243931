package org.qchat.client.core;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.qchat.protocol.packet.Broadcast;
import org.qchat.protocol.packet.DisableUser;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.ResetPassword;

/**
 * What a server administrator can do: announce to everyone, disable or enable an account, reset a
 * password. {@link org.qchat.client.core.model.Session#isAdmin()} says whether the server counts
 * the user as one; for anyone else the server answers {@code FORBIDDEN} ({@link Action#ADMIN}).
 * Call on the dispatcher thread; futures complete there.
 */
public final class AdminRequests {

    private final OnlineCalls calls;

    AdminRequests(OnlineCalls calls) {
        this.calls = calls;
    }

    /** Posts an announcement to every user's system conversation; completes once it is stored. */
    public CompletableFuture<Void> broadcast(String text) {
        // A fresh id per announcement: the server's de-duplication is for resending the same one.
        String clientMsgId = "ann-" + UUID.randomUUID();
        return calls.call(id -> new Broadcast(id, clientMsgId, text.strip()), MessageSent.class).thenRun(() -> {
        });
    }

    /** Disables the account (its devices are signed out, logins refused) or enables it again. */
    public CompletableFuture<Void> setDisabled(String username, boolean disabled) {
        return calls.call(id -> new DisableUser(id, username.strip(), disabled), Ok.class).thenRun(() -> {
        });
    }

    /** Sets a new password for the account and signs out all its devices. */
    public CompletableFuture<Void> resetPassword(String username, String newPassword) {
        return calls.call(id -> new ResetPassword(id, username.strip(), newPassword), Ok.class).thenRun(() -> {
        });
    }
}
