package org.qchat.server.store.message;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;

/**
 * How a message's content is kept by every message store: a kind code and one string, the body.
 * Text is its own body (code 0). An image (1) or a file (2) keeps its {@link FileInfo} as JSON, and
 * its text, the fallback a text-only client shows, is made again from the name when it is read: a
 * store holds each fact once. An erased message of any kind reads back as empty text.
 */
public final class StoredBody {

    public static final int TEXT = 0;
    public static final int IMAGE = 1;
    public static final int FILE = 2;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private StoredBody() {
    }

    public static int kindCode(MessageKind kind) {
        return kind == MessageKind.IMAGE ? IMAGE : kind == MessageKind.FILE ? FILE : TEXT;
    }

    /** The string a store keeps for a message. */
    public static String body(MessageKind kind, FileInfo file, String text) {
        if (kindCode(kind) == TEXT) {
            return text;
        }
        try {
            return JSON.writeValueAsString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the file of a message", e);
        }
    }

    /** The string a store keeps for {@code m}. */
    public static String body(MessageInfo m) {
        return body(m.kind(), m.file(), m.text());
    }

    /**
     * The message a store read: {@code read}'s text is the stored body, {@code kindCode} what was
     * stored beside it.
     */
    public static MessageInfo restore(MessageInfo read, int kindCode) {
        if (kindCode == TEXT || read.text().isEmpty()) {
            return read;
        }
        MessageKind kind = kindCode == IMAGE ? MessageKind.IMAGE : MessageKind.FILE;
        FileInfo file;
        try {
            file = JSON.readValue(read.text(), FileInfo.class);
        } catch (IOException e) {
            throw new UncheckedIOException("message " + read.convId() + "/" + read.seq() + " holds an unreadable file", e);
        }
        return new MessageInfo(read.msgId(), read.convId(), read.seq(), read.senderId(), read.clientMsgId(),
                MessageInfo.fallbackText(kind, file.name()), read.time(), kind, file);
    }
}
