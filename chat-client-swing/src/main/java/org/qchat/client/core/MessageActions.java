package org.qchat.client.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.qchat.client.core.files.FileTransfers;
import org.qchat.client.core.files.TransferState;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.ConversationList;
import org.qchat.client.core.model.GroupDirectory;
import org.qchat.client.core.model.MessageExtras;
import org.qchat.client.core.model.Session;
import org.qchat.protocol.Push;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.MemberInfo;
import org.qchat.protocol.model.Role;
import org.qchat.protocol.packet.MessageRecalledPush;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.RecallMessage;
import org.qchat.protocol.packet.Typing;
import org.qchat.protocol.packet.TypingPush;

/**
 * What a user does to messages beyond sending them: reply and mention (through the outbox),
 * recall, forward, and tell a friend they are typing; and the pushes that follow (a recall, a
 * friend typing). Dispatcher thread only, like {@link ChatClient}.
 */
public final class MessageActions {

    /** How long after sending the client offers to recall my own message (the server's default window). */
    public static final Duration RECALL_WINDOW = Duration.ofMinutes(2);
    /** Shortest time between two {@code typing} requests for one conversation. */
    public static final Duration TYPING_INTERVAL = Duration.ofSeconds(3);
    /** How long "typing…" shows after the last push. */
    public static final Duration TYPING_SHOWN = Duration.ofSeconds(5);

    private final Requester requester;
    private final Scheduler scheduler;
    private final Session session;
    private final ConversationList conversations;
    private final GroupDirectory groups;
    private final Outbox outbox;
    private final FileTransfers files;
    private long typingConv;
    private long typingSentAt;

    MessageActions(Requester requester, Scheduler scheduler, Session session, ConversationList conversations,
                   GroupDirectory groups, Outbox outbox, FileTransfers files) {
        this.requester = requester;
        this.scheduler = scheduler;
        this.session = session;
        this.conversations = conversations;
        this.groups = groups;
        this.outbox = outbox;
        this.files = files;
    }

    /** Queues a text that quotes or mentions; see {@link ChatClient#sendMessage}. */
    public ChatMessage send(long convId, String text, MessageExtras extras) {
        return outbox.send(convId, text, extras);
    }

    /**
     * Whether the menu should offer to recall {@code message}: my own stored message within
     * {@link #RECALL_WINDOW}, or any stored one in a group I own, or a member's in a group I am an
     * admin of. The server decides in the end.
     */
    public boolean mayRecall(ChatMessage message) {
        if (!message.isStored() || message.isRecalled()) {
            return false;
        }
        Conversation conv = conversations.get(message.convId()).orElse(null);
        if (conv == null || !conv.isActive() || conv.isSystem()) {
            return false;
        }
        if (message.senderId() == session.myId() && scheduler.now() - message.time() < RECALL_WINDOW.toMillis()) {
            return true;
        }
        if (conv.kind() != ConversationKind.GROUP) {
            return false;
        }
        Role mine = groups.myRole(conv.groupId());
        if (mine == Role.OWNER) {
            return true;
        }
        Role theirs = groups.member(conv.groupId(), message.senderId()).map(MemberInfo::role).orElse(Role.MEMBER);
        return mine == Role.ADMIN && (message.senderId() == session.myId() || theirs == Role.MEMBER);
    }

    /** Recalls a message; the conversation shows it recalled once the server's push arrives (or now, on success). */
    public CompletableFuture<Void> recall(ChatMessage message) {
        if (session.state() != ConnectionState.ONLINE) {
            return CompletableFuture.failedFuture(new ChatException(ChatException.Kind.NOT_CONNECTED, "offline"));
        }
        long convId = message.convId();
        long seq = message.seq();
        return requester.call(id -> new RecallMessage(id, convId, seq), Ok.class)
                .thenRun(() -> conversations.get(convId).ifPresent(c -> c.recall(seq, session.myId())));
    }

    /**
     * The user typed in the compose box of {@code convId}: tells the peer of a private conversation,
     * at most once per {@link #TYPING_INTERVAL}. Best effort; failures are ignored.
     */
    public void typed(long convId) {
        Conversation conv = conversations.get(convId).orElse(null);
        if (conv == null || conv.kind() != ConversationKind.PRIVATE || !conv.isActive()
                || session.state() != ConnectionState.ONLINE) {
            return;
        }
        long now = scheduler.now();
        if (convId == typingConv && now - typingSentAt < TYPING_INTERVAL.toMillis()) {
            return;
        }
        typingConv = convId;
        typingSentAt = now;
        requester.call(id -> new Typing(id, convId), Ok.class).exceptionally(failure -> null);
    }

    /**
     * Sends {@code message} again, as a new message of mine, to {@code targetConvId}: the same text,
     * or the same file (uploaded again from where it was saved, which costs no transfer when the
     * server holds it). Returns false for a file not downloaded yet: download it first.
     */
    public boolean forward(ChatMessage message, long targetConvId) {
        if (message.isRecalled()) {
            return false;
        }
        if (!message.hasFile()) {
            outbox.send(targetConvId, message.text());
            return true;
        }
        TransferState state = files.state(message);
        if (state.phase() != TransferState.Phase.DONE || state.path() == null) {
            return false;
        }
        files.upload(targetConvId, state.path(), message.kind());
        return true;
    }

    /** Takes the pushes about recalls and typing; false for any other. */
    boolean accept(Push push) {
        if (push instanceof MessageRecalledPush p) {
            conversations.get(p.convId()).ifPresent(c -> c.recall(p.seq(), p.by()));
            return true;
        }
        if (push instanceof TypingPush p) {
            conversations.get(p.convId())
                    .ifPresent(c -> c.peerTyping(scheduler.now() + TYPING_SHOWN.toMillis()));
            return true;
        }
        return false;
    }
}
