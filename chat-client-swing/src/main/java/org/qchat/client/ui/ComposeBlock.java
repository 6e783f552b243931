package org.qchat.client.ui;

import javax.swing.Timer;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.GroupDirectory;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.ConversationKind;

/**
 * Why I cannot write in a group I am in for now — muted until a time, or all plain members muted —
 * in words for the place of the compose box. A mute that ends by itself gives the compose box back
 * when it ends.
 */
final class ComposeBlock {

    private ComposeBlock() {
    }

    /**
     * The sentence to show instead of the compose box, or null if I may write. {@code onExpiry}
     * runs on the Swing thread once a mute shown here has ended.
     */
    static String text(ChatClient client, Conversation conv, Runnable onExpiry) {
        if (conv.kind() != ConversationKind.GROUP) {
            return null;
        }
        long now = System.currentTimeMillis();
        GroupDirectory.SendBlock block = client.groups().sendBlock(conv.convId(), now);
        if (block == null) {
            return null;
        }
        if (block.mutedAll()) {
            return I18n.tr("chat.notice.mutedAll");
        }
        Timer expiry = new Timer((int) Math.min(Integer.MAX_VALUE, block.until() - now + 500), e -> onExpiry.run());
        expiry.setRepeats(false);
        expiry.start();
        return I18n.tr("chat.notice.muted", Texts.time(block.until()));
    }
}
