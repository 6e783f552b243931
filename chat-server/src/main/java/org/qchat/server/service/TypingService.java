package org.qchat.server.service;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.packet.TypingPush;
import org.qchat.server.route.Router;
import org.qchat.server.state.ChatState;
import org.qchat.server.state.Conversation;

/**
 * Passes "typing" in a private conversation to the peer's devices, at most once per
 * {@link #THROTTLE_MILLIS} per user and conversation; nothing is stored. In memory only, so it runs
 * on the I/O thread that decoded the request.
 */
public final class TypingService {

    /** Shortest time between two pushes for one user typing in one conversation. */
    public static final long THROTTLE_MILLIS = 3000;
    /** Remembered typists above which the stale ones are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;

    private record Typist(long userId, long convId) {
    }

    private final ChatState state;
    private final Router router;
    private final Clock clock;
    private final ConcurrentHashMap<Typist, Long> lastPushed = new ConcurrentHashMap<>();

    public TypingService(ChatState state, Router router, Clock clock) {
        this.state = state;
        this.router = router;
        this.clock = clock;
    }

    public void typing(long userId, long convId) throws ChatException {
        Conversation conv = state.conversation(convId);
        if (conv == null) {
            throw ChatException.notFound("no such conversation");
        }
        if (conv.kind() != ConversationKind.PRIVATE) {
            throw ChatException.badRequest("typing is shown in private conversations only");
        }
        if (!conv.hasMember(userId)) {
            throw ChatException.forbidden("you can only message your friends");
        }
        long peer = conv.peerOf(userId);
        if (state.blocks(peer, userId)) {
            return;
        }
        long now = clock.millis();
        boolean[] due = new boolean[1];
        lastPushed.compute(new Typist(userId, convId), (typist, last) -> {
            due[0] = last == null || now - last >= THROTTLE_MILLIS;
            return due[0] ? now : last;
        });
        if (due[0]) {
            router.sendToUser(peer, new TypingPush(convId, userId), null);
        }
        if (lastPushed.size() > PRUNE_ABOVE) {
            lastPushed.values().removeIf(last -> now - last >= THROTTLE_MILLIS);
        }
    }
}
