package org.qchat.client.ui;

import java.util.Objects;
import java.util.function.LongConsumer;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;
import org.qchat.protocol.model.Quote;

/** What a message row shows besides its content: the quote above it, a mention of me, its menu. */
final class MessageDecorations {

    private MessageDecorations() {
    }

    /** Whether a row made for {@code shown} cannot show {@code next}: a recall or a recalled quote changes its look. */
    static boolean changedLook(ChatMessage shown, ChatMessage next) {
        return shown.isRecalled() != next.isRecalled() || !Objects.equals(shown.replyTo(), next.replyTo());
    }

    static void decorate(MessageRow row, ChatMessage m, ChatClient client, Conversation conv, LongConsumer showMessage,
                         MessageMenu menu) {
        if (m.isRecalled()) {
            return;
        }
        Quote quote = m.replyTo();
        if (quote != null) {
            String sender = quote.senderId() == null ? null : Texts.userName(client, quote.senderId());
            row.showQuote(new QuoteBlock(quote, sender, () -> showMessage.accept(quote.seq())));
        }
        if (conv.mentionsMe(m)) {
            row.highlightMention();
        }
        if (menu != null) {
            menu.install(row);
        }
    }
}
