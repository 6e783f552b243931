package org.qchat.server.store.message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.Quote;
import org.qchat.protocol.model.SystemEvent;

/**
 * How a message's content is kept by every message store: a code and one string, the body.
 * Text is its own body (code 0). An image (1) or a file (2) keeps its {@link FileInfo} as JSON, and
 * its text, the fallback a text-only client shows, is made again from the name when it is read: a
 * store holds each fact once. A message that also replies, mentions or records a group change keeps
 * all of its content in an {@link Envelope} as JSON (3), so plain messages stay as compact as they
 * were. An erased message of any code reads back as empty text and nothing else.
 */
public final class StoredBody {

    public static final int TEXT = 0;
    public static final int IMAGE = 1;
    public static final int FILE = 2;
    public static final int ENVELOPE = 3;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** A message's content as code 3 keeps it; {@code replyTo} is the quoted seq. */
    record Envelope(MessageKind kind, String text, FileInfo file, Long replyTo, List<Long> mentions,
                    Boolean mentionAll, SystemEvent system) {
    }

    private StoredBody() {
    }

    /** The code a store keeps beside {@link #body(MessageInfo)}. */
    public static int kindCode(MessageInfo m) {
        if (hasExtras(m)) {
            return ENVELOPE;
        }
        return m.kind() == MessageKind.IMAGE ? IMAGE : m.kind() == MessageKind.FILE ? FILE : TEXT;
    }

    /** The string a store keeps for {@code m}. */
    public static String body(MessageInfo m) {
        return switch (kindCode(m)) {
            case TEXT -> m.text();
            case ENVELOPE -> write(new Envelope(m.kind(), isFile(m.kind()) ? null : m.text(), m.file(),
                    m.replyTo() == null ? null : m.replyTo().seq(), emptyToNull(m.mentions()),
                    Boolean.TRUE.equals(m.mentionAll()) ? Boolean.TRUE : null, m.system()));
            default -> write(m.file());
        };
    }

    /**
     * The message a store read: {@code read}'s text is the stored body, {@code kindCode} what was
     * stored beside it.
     */
    public static MessageInfo restore(MessageInfo read, int kindCode) {
        if (kindCode == TEXT || read.text().isEmpty()) {
            return read;
        }
        if (kindCode == ENVELOPE) {
            Envelope e = readJson(read, Envelope.class);
            String text = isFile(e.kind()) ? MessageInfo.fallbackText(e.kind(), e.file().name()) : e.text();
            return new MessageInfo(read.msgId(), read.convId(), read.seq(), read.senderId(), read.clientMsgId(),
                    text, read.time(), e.kind(), e.file(), e.replyTo() == null ? null : Quote.of(e.replyTo()),
                    e.mentions(), e.mentionAll(), null, e.system());
        }
        MessageKind kind = kindCode == IMAGE ? MessageKind.IMAGE : MessageKind.FILE;
        FileInfo file = readJson(read, FileInfo.class);
        return new MessageInfo(read.msgId(), read.convId(), read.seq(), read.senderId(), read.clientMsgId(),
                MessageInfo.fallbackText(kind, file.name()), read.time(), kind, file);
    }

    private static boolean hasExtras(MessageInfo m) {
        return m.replyTo() != null || m.mentions() != null && !m.mentions().isEmpty()
                || Boolean.TRUE.equals(m.mentionAll()) || m.system() != null || m.kind() == MessageKind.SYSTEM;
    }

    private static boolean isFile(MessageKind kind) {
        return kind == MessageKind.IMAGE || kind == MessageKind.FILE;
    }

    private static List<Long> emptyToNull(List<Long> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the content of a message", e);
        }
    }

    private static <T> T readJson(MessageInfo read, Class<T> type) {
        try {
            return JSON.readValue(read.text(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("message " + read.convId() + "/" + read.seq() + " holds unreadable content", e);
        }
    }
}
