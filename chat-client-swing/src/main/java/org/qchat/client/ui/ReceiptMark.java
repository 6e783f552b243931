package org.qchat.client.ui;

import java.util.List;

import javax.swing.Icon;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.DeliveryState;
import org.qchat.client.core.model.Receipts.Tick;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.ConversationKind;

/**
 * What one of my messages shows under its bubble: in a private chat a tick (clock, sent, delivered,
 * read); in a group "N read" once someone read it, with who in the tooltip.
 *
 * @param readers in a group, who read it (ids); empty otherwise
 */
record ReceiptMark(Tick tick, Icon icon, String text, String tooltip, List<Long> readers) {

    static ReceiptMark of(ChatClient client, Conversation conv, ChatMessage m) {
        if (m.state() == DeliveryState.SENDING || !m.isStored()) {
            return plain(Tick.SENDING);
        }
        if (conv.kind() == ConversationKind.PRIVATE && conv.peerId() != null) {
            return plain(conv.receipts().tick(m.seq(), conv.peerId()));
        }
        if (conv.kind() == ConversationKind.GROUP) {
            List<Long> readers = conv.receipts().readers(m.seq(), m.senderId());
            if (!readers.isEmpty()) {
                String names = String.join(", ", readers.stream().map(id -> Texts.userName(client, id)).toList());
                return new ReceiptMark(Tick.READ, null, I18n.tr("message.readBy", readers.size()),
                        I18n.tr("message.readBy.who", names), readers);
            }
        }
        return plain(Tick.SENT);
    }

    /** A tick alone, with its word as the tooltip. */
    static ReceiptMark plain(Tick tick) {
        return new ReceiptMark(tick, StatusIcons.tick(tick), "",
                I18n.tr("message.tick." + tick.name().toLowerCase(java.util.Locale.ROOT)), List.of());
    }
}
