package org.qchat.client.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.Role;

/** Formatting shared by the views: times, names, conversation titles. */
final class Texts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Texts() {
    }

    /** "14:05" today, "3/12 14:05" (or "3月12日 14:05") this year, "2025-03-12 14:05" before. */
    static String time(long epochMillis) {
        ZonedDateTime t = Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault());
        LocalDate today = LocalDate.now();
        if (t.toLocalDate().equals(today)) {
            return TIME.format(t);
        }
        if (t.getYear() == today.getYear()) {
            return I18n.tr("time.thisYear", t.getMonthValue(), t.getDayOfMonth(), TIME.format(t));
        }
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(t);
    }

    /** A short time for lists: "14:05" today, else the date only. */
    static String shortTime(long epochMillis) {
        if (epochMillis <= 0) {
            return "";
        }
        ZonedDateTime t = Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault());
        LocalDate today = LocalDate.now();
        if (t.toLocalDate().equals(today)) {
            return TIME.format(t);
        }
        return I18n.tr("time.date", t.getMonthValue(), t.getDayOfMonth());
    }

    /** A user's display name, or "User #id" if we never saw their profile. */
    static String userName(ChatClient client, long userId) {
        String name = client.users().name(userId);
        return name != null ? Glyphs.safe(name) : I18n.tr("user.unknown", Long.toString(userId));
    }

    static String conversationTitle(ChatClient client, Conversation conv) {
        return Glyphs.safe(rawTitle(client, conv));
    }

    private static String rawTitle(ChatClient client, Conversation conv) {
        if (conv.isSystem() || conv.convId() == 1) {
            return I18n.tr("conversation.system");
        }
        if (conv.kind() == ConversationKind.GROUP) {
            return client.groups().info(conv.convId()).map(g -> g.name())
                    .orElseGet(() -> I18n.tr("group.unknown", Long.toString(conv.convId())));
        }
        if (conv.peerId() != null) {
            return userName(client, conv.peerId());
        }
        return client.contacts().byConversation(conv.convId()).map(c -> c.displayName())
                .orElseGet(() -> I18n.tr("conversation.unknown", Long.toString(conv.convId())));
    }

    static String role(Role role) {
        return role == null ? "" : I18n.tr("role." + role.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** "99+" beyond 99. */
    static String count(int n) {
        return n > 99 ? "99+" : Integer.toString(n);
    }

    /**
     * What a message says in words: its text, or for an image or file "[Image]" / "[File] name" in
     * the user's language (never the server's English fallback text).
     */
    static String words(ChatMessage message) {
        if (!message.hasFile()) {
            return message.text();
        }
        return message.kind() == MessageKind.IMAGE ? I18n.tr("message.preview.image")
                : I18n.tr("message.preview.file", message.file().name());
    }

    /** A message in one short line, for lists and notices. */
    static String preview(ChatMessage message, int max) {
        return preview(words(message), max);
    }

    /** Shortens text to one line of at most {@code max} code points for previews. */
    static String preview(String text, int max) {
        String oneLine = Glyphs.safe(text).replaceAll("\\s+", " ").strip();
        if (oneLine.codePointCount(0, oneLine.length()) <= max) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, max)) + "…";
    }

    /** Escapes text for a Swing HTML label. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
