package org.qchat.server.store.message;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.Quote;
import org.qchat.protocol.model.SystemEvent;

/**
 * Where messages are kept: every conversation's messages by seq, and each sender's clientMsgIds.
 * The embedded store appends to files of its own ({@code file.SegmentedMessageLog}); PostgreSQL
 * keeps them in its {@code messages} table ({@link JdbcMessageLog}).
 *
 * <p>Threads: one writer (the commit engine) calls {@link #append}, {@link #findByClientIds} and
 * {@link #erase}, never concurrently. {@link #range} may run on any number of threads at once, also
 * while the writer appends; it is only asked for seqs that an {@code append} has already returned.
 *
 * <p>Failure: a method that cannot reach its storage throws {@link MessageLogException}. A failed
 * {@code append} stored none of its batch: the next append continues from where the last successful
 * one ended.
 */
public interface MessageLog extends AutoCloseable {

    /**
     * A message to store, already checked and numbered by the writer: {@code seq} is the
     * conversation's last seq + 1 (batches may hold several seqs of one conversation, ascending).
     */
    record Append(long convId, long seq, long senderId, String clientMsgId, String text, long time, MessageKind kind,
                  FileInfo file, Extras extras) {

        public Append {
            extras = extras == null ? Extras.NONE : extras;
        }

        /** A text, image or file message with nothing else. */
        public Append(long convId, long seq, long senderId, String clientMsgId, String text, long time, MessageKind kind,
                      FileInfo file) {
            this(convId, seq, senderId, clientMsgId, text, time, kind, file, Extras.NONE);
        }

        /** A text message. */
        public Append(long convId, long seq, long senderId, String clientMsgId, String text, long time) {
            this(convId, seq, senderId, clientMsgId, text, time, null, null, Extras.NONE);
        }

        /** The message as stored under {@code msgId}. */
        public MessageInfo stored(long msgId) {
            return new MessageInfo(msgId, convId, seq, senderId, clientMsgId, text, time, kind, file,
                    extras.replyTo() == null ? null : Quote.of(extras.replyTo()), extras.mentions(),
                    extras.mentionAll(), null, extras.system());
        }

        /** The same message at another seq. */
        public Append at(long newSeq) {
            return new Append(convId, newSeq, senderId, clientMsgId, text, time, kind, file, extras);
        }
    }

    /**
     * What a message may hold besides its text or file, each null when absent: the seq it replies
     * to, the users it mentions, whether it mentions everyone, the group change it records.
     */
    record Extras(Long replyTo, List<Long> mentions, Boolean mentionAll, SystemEvent system) {

        public static final Extras NONE = new Extras(null, null, null, null);

        public boolean isEmpty() {
            return replyTo == null && (mentions == null || mentions.isEmpty()) && !Boolean.TRUE.equals(mentionAll)
                    && system == null;
        }
    }

    /** What identifies a message to its sender: unique forever. */
    record ClientKey(long senderId, String clientMsgId) {
    }

    /** Receives one conversation's last stored seq. */
    @FunctionalInterface
    interface HeadVisitor {
        void head(long convId, long lastSeq);
    }

    /** Calls {@code visitor} once for every conversation holding at least one message. */
    void forEachHead(HeadVisitor visitor);

    /**
     * Stores the batch, in order, and returns it as stored messages whose {@code msgId}s increase
     * in that order and exceed every earlier id. When it returns the batch is durable as the store
     * promises (at least: it survives {@code kill -9} of this process).
     */
    List<MessageInfo> append(List<Append> batch);

    /** The stored messages among {@code keys}, by key; keys never stored are absent. */
    Map<ClientKey, MessageInfo> findByClientIds(Collection<ClientKey> keys);

    /**
     * Messages of {@code convId} with {@code fromSeq <= seq <= toSeq}, ascending, at most
     * {@code limit}. Costs the same at any depth of the conversation: no scan from either end.
     */
    List<MessageInfo> range(long convId, long fromSeq, long toSeq, int limit);

    /**
     * Erases the text of a stored message from storage (a recall): the message keeps its place,
     * ids, sender and time, and is read back with an empty text. Returns false if no such message.
     */
    boolean erase(long convId, long seq);

    /** Flushes what needs flushing and releases files and locks. */
    @Override
    void close();
}
