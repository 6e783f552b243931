package org.qchat.server.service;

import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.Router;

/**
 * Pushes a committed message to the devices that should get it. Called on the writer thread, in
 * commit order; never blocks on the network.
 */
@FunctionalInterface
public interface MessagePushes {

    /**
     * @param recipients the conversation's members when it was stored, or null for everyone (the
     *                   system conversation)
     * @param except     the sender's connection, which gets the ack instead (may be null)
     */
    void committed(MessageInfo message, long[] recipients, ClientConnection except);

    /** A single server: straight to the router. */
    static MessagePushes through(Router router) {
        return (message, recipients, except) -> {
            MessagePush push = new MessagePush(message);
            if (recipients == null) {
                router.sendToAll(push, except);
            } else {
                router.sendToUsers(recipients, push, except);
            }
        };
    }

    /** A single server: straight to the router, each reply's quote as each recipient may see it. */
    static MessagePushes through(Router router, ReplyPushes replies) {
        return (message, recipients, except) -> {
            if (recipients == null) {
                router.sendToAll(new MessagePush(message), except);
            } else {
                replies.push(router, message, recipients, except);
            }
        };
    }
}
