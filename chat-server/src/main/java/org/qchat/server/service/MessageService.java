package org.qchat.server.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.qchat.protocol.PacketMapper;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.state.ChatState;
import org.qchat.server.state.Conversation;
import org.qchat.server.store.MembershipPeriod;
import org.qchat.server.store.message.MessageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sending (through the {@link MessageWriter}) and reading messages. Reads check the reader's
 * periods in memory and read the message store; no database transaction.
 */
public final class MessageService {

    private static final Logger log = LoggerFactory.getLogger(MessageService.class);

    /** Room left in a frame for everything of a page but its messages (a 64-character id escaped is ~400 bytes). */
    private static final int PAGE_OVERHEAD = 1024;

    /** A page of messages in ascending seq, and whether more exist in the direction asked. */
    public record Page(List<MessageInfo> messages, boolean more) {
    }

    private final ChatState state;
    private final MessageLog messages;
    private final MessageWriter writer;
    private final InputValidator validate;
    private final MessagePushes pushes;
    private final PacketMapper mapper;
    private final int pageByteBudget;
    private final boolean unsafeAckBeforeCommit;
    private final MessageViews views;

    /**
     * @param unsafeAckBeforeCommit TEST ONLY ({@code --test-only-ack-before-commit}): see
     *                              {@link #queuedNotStored}; false in every real deployment
     */
    public MessageService(ChatState state, MessageLog messages, MessageWriter writer,
                          InputValidator validate, MessagePushes pushes, PacketMapper mapper, int maxFrameLength,
                          boolean unsafeAckBeforeCommit, MessageViews views) {
        this.state = state;
        this.messages = messages;
        this.writer = writer;
        this.validate = validate;
        this.pushes = pushes;
        this.mapper = mapper;
        this.pageByteBudget = maxFrameLength - PAGE_OVERHEAD;
        this.unsafeAckBeforeCommit = unsafeAckBeforeCommit;
        this.views = views;
        if (unsafeAckBeforeCommit) {
            log.warn("TEST ONLY: messages are acknowledged before they are committed; a crash loses acknowledged messages");
        }
    }

    /**
     * Stores a message and, once it is committed, pushes it to the conversation's members (all
     * their devices but {@code origin}). The future completes after the commit, on the writer
     * thread; a resend of an already stored clientMsgId completes with the original message and
     * pushes nothing. (Only the test-only switch breaks this rule: {@link #queuedNotStored}.)
     */
    public CompletableFuture<MessageInfo> send(ClientConnection origin, long senderId, long convId, String clientMsgId,
                                               String text, boolean announcement) throws ChatException {
        return send(origin, senderId, convId, clientMsgId, text, announcement, MessageExtras.NONE);
    }

    /** {@link #send} of a text that replies or mentions ({@code extras}, checked by {@link MessageExtrasCheck}). */
    public CompletableFuture<MessageInfo> send(ClientConnection origin, long senderId, long convId, String clientMsgId,
                                               String text, boolean announcement, MessageExtras extras)
            throws ChatException {
        validate.clientMsgId(clientMsgId);
        validate.text(text);
        return submit(origin, new SendRequest(senderId, convId, clientMsgId, text, announcement, null, null, extras));
    }

    /**
     * Stores an image or file message, as {@link #send} stores text. {@code file} is one the sender
     * holds (checked by the caller, who also recorded the message's reference to it).
     */
    public CompletableFuture<MessageInfo> sendFile(ClientConnection origin, long senderId, long convId, String clientMsgId,
                                                   MessageKind kind, FileInfo file) throws ChatException {
        return sendFile(origin, senderId, convId, clientMsgId, kind, file, MessageExtras.NONE);
    }

    /** {@link #sendFile} of a file that replies or mentions. */
    public CompletableFuture<MessageInfo> sendFile(ClientConnection origin, long senderId, long convId, String clientMsgId,
                                                   MessageKind kind, FileInfo file, MessageExtras extras)
            throws ChatException {
        validate.clientMsgId(clientMsgId);
        return submit(origin, new SendRequest(senderId, convId, clientMsgId, MessageInfo.fallbackText(kind, file.name()),
                false, kind, file, extras));
    }

    private CompletableFuture<MessageInfo> submit(ClientConnection origin, SendRequest request) {
        // The pushes are attached before the append is queued, so they always run on the writer
        // thread in commit order: attached later, a fast commit could leave this push to run on this
        // thread after the pushes of the messages committed behind it.
        CompletableFuture<SendResult> appended = new CompletableFuture<>();
        CompletableFuture<MessageInfo> committed = appended
                .thenApply(stored -> {
                    if (!stored.duplicate()) {
                        // The quote as the sender read it; the store keeps the seq alone.
                        MessageInfo out = request.extras().quote() == null ? stored.message()
                                : stored.message().withReplyTo(request.extras().quote());
                        pushes.committed(out, stored.recipients(), origin);
                    }
                    return stored.message();
                });
        writer.submit(request, appended);
        if (unsafeAckBeforeCommit && !committed.isDone()) {
            return CompletableFuture.completedFuture(queuedNotStored(request));
        }
        return committed;
    }

    /**
     * TEST ONLY — the classic "ack on receive" bug, switched on by {@code --test-only-ack-before-commit}
     * so the crash test can show that its checker catches it: the sender gets {@code msg.sent} as soon
     * as the writer has queued the append, before it is written or committed, so {@code kill -9} loses
     * messages their senders were told are stored. msgId, seq and time are not known yet and are 0.
     * The append itself still runs; its pushes still follow its commit.
     */
    private static MessageInfo queuedNotStored(SendRequest r) {
        return new MessageInfo(0, r.convId(), 0, r.senderId(), r.clientMsgId(), r.text(), 0, r.kind(), r.file());
    }

    /**
     * Message {@code (convId, seq)} if {@code userId} may read it: it is stored and lies in one of
     * the user's membership periods of the conversation.
     */
    public MessageInfo readable(long userId, long convId, long seq) throws ChatException {
        Conversation conv = find(convId);
        long lastSeq = conv.lastSeq();
        if (seq > lastSeq) {
            throw ChatException.notFound("no message " + seq + " in this conversation");
        }
        for (MembershipPeriod p : periodsOf(conv, userId)) {
            if (seq >= p.fromSeq() && seq <= p.lastVisible(lastSeq)) {
                List<MessageInfo> found = messages.range(convId, seq, seq, 1);
                if (found.isEmpty()) {
                    throw ChatException.notFound("no message " + seq + " in this conversation");
                }
                return found.get(0);
            }
        }
        throw ChatException.forbidden("you may not read that message");
    }

    /** Visible messages with seq greater than {@code afterSeq}, oldest first. */
    public Page pull(long userId, long convId, long afterSeq, Integer limit) throws ChatException {
        int n = validate.pageSize(limit);
        Conversation conv = find(convId);
        long lastSeq = conv.lastSeq();
        List<MessageInfo> out = new ArrayList<>();
        for (MembershipPeriod p : periodsOf(conv, userId)) {
            long from = Math.max(p.fromSeq(), afterSeq + 1);
            long to = p.lastVisible(lastSeq);
            if (from <= to && out.size() <= n) {
                out.addAll(messages.range(convId, from, to, n + 1 - out.size()));
            }
        }
        return trim(views.asRead(userId, convId, out), n);
    }

    /** The newest visible messages with seq below {@code beforeSeq} (all, if null), oldest first. */
    public Page history(long userId, long convId, Long beforeSeq, Integer limit) throws ChatException {
        int n = validate.pageSize(limit);
        Conversation conv = find(convId);
        long lastSeq = conv.lastSeq();
        List<MembershipPeriod> periods = new ArrayList<>(periodsOf(conv, userId));
        Collections.reverse(periods);
        List<MessageInfo> newestFirst = new ArrayList<>();
        for (MembershipPeriod p : periods) {
            long to = p.lastVisible(lastSeq);
            if (beforeSeq != null) {
                to = Math.min(to, beforeSeq - 1);
            }
            if (p.fromSeq() <= to && newestFirst.size() <= n) {
                // Seqs are gapless and never removed: the newest k of a range are its last k seqs.
                int wanted = n + 1 - newestFirst.size();
                List<MessageInfo> page = new ArrayList<>(messages.range(convId, Math.max(p.fromSeq(), to - wanted + 1), to, wanted));
                Collections.reverse(page);
                newestFirst.addAll(page);
            }
        }
        Page page = trim(views.asRead(userId, convId, newestFirst), n);
        List<MessageInfo> ascending = new ArrayList<>(page.messages());
        Collections.reverse(ascending);
        return new Page(ascending, page.more());
    }

    private Conversation find(long convId) throws ChatException {
        Conversation conv = state.conversation(convId);
        if (conv == null) {
            throw ChatException.notFound("no such conversation");
        }
        return conv;
    }

    private List<MembershipPeriod> periodsOf(Conversation conv, long userId) throws ChatException {
        List<MembershipPeriod> periods = state.periodsOf(userId).in(conv.id());
        if (periods.isEmpty()) {
            throw ChatException.forbidden("you are not in this conversation");
        }
        return periods;
    }

    /** Keeps at most {@code n} messages and as many as fit one frame; says whether any were cut. */
    private Page trim(List<MessageInfo> list, int n) {
        int candidates = Math.min(n, list.size());
        if (upperBoundBytes(list, candidates) <= pageByteBudget) {
            // The usual page of short texts: it certainly fits, so nothing is encoded twice.
            return new Page(List.copyOf(list.subList(0, candidates)), candidates < list.size());
        }
        int bytes = 0;
        int keep = 0;
        while (keep < candidates) {
            bytes += mapper.writeValue(list.get(keep)).length + 1;
            if (bytes > pageByteBudget && keep > 0) {
                break;
            }
            keep++;
        }
        return new Page(List.copyOf(list.subList(0, keep)), keep < list.size());
    }

    /**
     * A bound on the encoded size of the first {@code count} messages: a UTF-16 unit never takes
     * more than 6 bytes of JSON ({@code \u0001}), the numbers and field names of one message
     * stay under 200 bytes, those of a quote under 120, and a mentioned id takes at most 21.
     */
    private static long upperBoundBytes(List<MessageInfo> list, int count) {
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            MessageInfo m = list.get(i);
            if (m.file() != null || m.system() != null) {
                return Long.MAX_VALUE;
            }
            bytes += 6L * (m.text().length() + m.clientMsgId().length()) + 200;
            if (m.replyTo() != null) {
                bytes += 120 + (m.replyTo().text() == null ? 0 : 6L * m.replyTo().text().length());
            }
            if (m.mentions() != null) {
                bytes += 21L * m.mentions().size() + 40;
            }
        }
        return bytes;
    }
}
