package org.qchat.client.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.core.model.ConversationList;
import org.qchat.client.core.model.DeliveryState;
import org.qchat.client.core.model.MessageExtras;
import org.qchat.client.core.model.Session;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.SendMessage;

/**
 * My messages until the server stored them. Each gets a UUID clientMsgId once and keeps it for
 * every retry, so the server stores it once however often it is sent (docs/protocol.md 11.2).
 *
 * <ul>
 *   <li>No link, or the link dropped before {@code msg.sent}: stays "sending"; resent after the
 *       next resume.</li>
 *   <li>{@code UNAVAILABLE}, {@code INTERNAL}, {@code RATE_LIMITED}, no answer: retried a few
 *       times with back-off, then "failed" (the user may retry).</li>
 *   <li>Any other refusal (not friends, too long, …): nothing was stored; "failed" at once.</li>
 *   <li>An image the server cannot read as one ({@code BAD_REQUEST}) goes again as a file, once.</li>
 * </ul>
 * Images and files come here once uploaded ({@link #sendFile}); their upload is not the outbox's business.
 * In memory only: a message still unsent when the app quits is lost.
 */
final class Outbox {

    static final int MAX_AUTOMATIC_ATTEMPTS = 3;
    static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(2);

    private final Requester requester;
    private final Scheduler scheduler;
    private final Session session;
    private final ConversationList conversations;
    private final SyncEngine sync;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    Outbox(Requester requester, Scheduler scheduler, Session session, ConversationList conversations, SyncEngine sync) {
        this.requester = requester;
        this.scheduler = scheduler;
        this.session = session;
        this.conversations = conversations;
        this.sync = sync;
    }

    /** Queues a new message and sends it if online. */
    ChatMessage send(long convId, String text) {
        return send(convId, text, MessageExtras.NONE);
    }

    /** Queues a new message that quotes or mentions ({@code extras}) and sends it if online. */
    ChatMessage send(long convId, String text, MessageExtras extras) {
        String clientMsgId = UUID.randomUUID().toString();
        ChatMessage message = ChatMessage.outgoing(convId, session.myId(), clientMsgId, text, scheduler.now())
                .withExtras(extras);
        conversations.ensure(convId, null).addOutgoing(message);
        Entry entry = new Entry(convId, clientMsgId, text);
        entry.extras = extras;
        entries.put(clientMsgId, entry);
        transmit(entry);
        return message;
    }

    /**
     * Sends an image or file message whose file the server holds ({@code file.stored} or
     * {@code file.upload.done}). The message is in the conversation already: it was shown while it uploaded.
     */
    void sendFile(long convId, String clientMsgId, MessageKind kind, FileInfo file) {
        Entry entry = new Entry(convId, clientMsgId, MessageInfo.fallbackText(kind, file.name()));
        entry.kind = kind;
        entry.file = file;
        entries.put(clientMsgId, entry);
        setState(entry, DeliveryState.SENDING, null);
        transmit(entry);
    }

    /** Whether a message is waiting here (so that a retry of it is the outbox's). */
    boolean holds(String clientMsgId) {
        return entries.containsKey(clientMsgId);
    }

    /** The user asked to try a failed message again (same clientMsgId). */
    void retry(String clientMsgId) {
        Entry entry = entries.get(clientMsgId);
        if (entry == null || entry.inFlight) {
            return;
        }
        entry.attempts = 0;
        entry.failed = false;
        setState(entry, DeliveryState.SENDING, null);
        transmit(entry);
    }

    /** After a resume: resend everything still waiting, oldest first. */
    void resendAll() {
        for (Entry entry : List.copyOf(entries.values())) {
            if (stillOutgoing(entry) && !entry.failed && !entry.inFlight) {
                transmit(entry);
            }
        }
    }

    /** Forgets everything (a new login). */
    void clear() {
        entries.values().forEach(e -> {
            if (e.retryTimer != null) {
                e.retryTimer.cancel();
            }
        });
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    /**
     * False if the message turned up stored by another path (a pull after reconnecting found it):
     * then it needs no resend. A resend would be harmless anyway, the server answers it from its
     * de-duplication.
     */
    private boolean stillOutgoing(Entry entry) {
        boolean waiting = conversations.get(entry.convId).flatMap(c -> c.outgoing(entry.clientMsgId)).isPresent();
        if (!waiting) {
            entries.remove(entry.clientMsgId);
        }
        return waiting;
    }

    private void transmit(Entry entry) {
        if (session.state() != ConnectionState.ONLINE) {
            return; // resendAll() picks it up after the next resume
        }
        entry.inFlight = true;
        entry.attempts++;
        requester.call(entry::request, MessageSent.class)
                .whenComplete((sent, failure) -> {
                    entry.inFlight = false;
                    if (entries.get(entry.clientMsgId) != entry) {
                        return;
                    }
                    if (failure == null) {
                        entries.remove(entry.clientMsgId);
                        MessageExtras x = entry.extras;
                        sync.onSentMessage(new MessageInfo(sent.msgId(), sent.convId(), sent.seq(), session.myId(),
                                entry.clientMsgId, entry.text, sent.time(), entry.kind, entry.file, x.replyTo(),
                                x.mentions().isEmpty() ? null : x.mentions(), x.mentionAll() ? Boolean.TRUE : null, null,
                                null));
                    } else {
                        failed(entry, ChatException.of(failure));
                    }
                });
    }

    private void failed(Entry entry, ChatException e) {
        if (e == null) {
            markFailed(entry, "error.unexpected");
            return;
        }
        switch (e.kind()) {
            case NOT_CONNECTED, CONNECTION_LOST -> {
                // Outcome unknown or never sent: the resend after reconnecting settles it.
                entry.attempts = Math.max(0, entry.attempts - 1);
            }
            case TIMEOUT -> retryLater(entry, "error.timeout");
            case SERVER_ERROR -> {
                if (entry.kind == MessageKind.IMAGE && e.is(ErrorCode.BAD_REQUEST)) {
                    // Too big or too many pixels for an image on this server: it still goes, as a file.
                    entry.kind = MessageKind.FILE;
                    entry.attempts = 0;
                    transmit(entry);
                } else if (e.is(ErrorCode.UNAVAILABLE) || e.is(ErrorCode.INTERNAL) || e.is(ErrorCode.RATE_LIMITED)) {
                    retryLater(entry, ErrorKeys.forCode(e.code(), Action.SEND_MESSAGE));
                } else {
                    markFailed(entry, ErrorKeys.forCode(e.code(), Action.SEND_MESSAGE));
                }
            }
            default -> markFailed(entry, ErrorKeys.of(e, Action.SEND_MESSAGE));
        }
    }

    private void retryLater(Entry entry, String errorKey) {
        if (entry.attempts >= MAX_AUTOMATIC_ATTEMPTS) {
            markFailed(entry, errorKey);
            return;
        }
        Duration delay = FIRST_RETRY_DELAY.multipliedBy(1L << (entry.attempts - 1));
        entry.retryTimer = scheduler.schedule(delay, () -> {
            entry.retryTimer = null;
            if (entries.get(entry.clientMsgId) == entry && !entry.inFlight && !entry.failed) {
                transmit(entry);
            }
        });
    }

    private void markFailed(Entry entry, String errorKey) {
        entry.failed = true;
        setState(entry, DeliveryState.FAILED, errorKey);
    }

    private void setState(Entry entry, DeliveryState state, String errorKey) {
        conversations.get(entry.convId).ifPresent(c -> c.setOutgoingState(entry.clientMsgId, state, errorKey));
    }

    private static final class Entry {
        final long convId;
        final String clientMsgId;
        final String text;
        /** Null for text; for an image or file, {@link #file} is what the server stored. */
        MessageKind kind;
        FileInfo file;
        MessageExtras extras = MessageExtras.NONE;
        int attempts;
        boolean inFlight;
        boolean failed;
        Scheduler.Cancellable retryTimer;

        Entry(long convId, String clientMsgId, String text) {
            this.convId = convId;
            this.clientMsgId = clientMsgId;
            this.text = text;
        }

        SendMessage request(String id) {
            Long replyTo = extras.replyTo() == null ? null : extras.replyTo().seq();
            List<Long> mentions = extras.mentions().isEmpty() ? null : extras.mentions();
            Boolean mentionAll = extras.mentionAll() ? Boolean.TRUE : null;
            return file == null
                    ? new SendMessage(id, convId, clientMsgId, text, null, null, null, replyTo, mentions, mentionAll)
                    : new SendMessage(id, convId, clientMsgId, null, kind, file.fileId(), file.name(), replyTo, mentions,
                            mentionAll);
        }
    }
}
