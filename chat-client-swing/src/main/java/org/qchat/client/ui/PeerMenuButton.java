package org.qchat.client.ui;

import java.util.Optional;

import javax.swing.JButton;
import javax.swing.JPopupMenu;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.UserInfo;

/** The "⋯" button in a private conversation's header: what can be done about the other person (block, unblock). */
final class PeerMenuButton extends JButton {

    PeerMenuButton(ChatClient client, Conversation conv) {
        super("⋯");
        setName(ComponentNames.CHAT_MORE);
        setToolTipText(I18n.tr("chat.more.tooltip"));
        putClientProperty("JButton.buttonType", "borderless");
        setFocusable(false);
        addActionListener(e -> peer(client, conv).ifPresent(user -> {
            JPopupMenu menu = new JPopupMenu();
            menu.add(BlockActions.item(this, client, user));
            menu.show(this, 0, getHeight());
        }));
    }

    private static Optional<UserInfo> peer(ChatClient client, Conversation conv) {
        Long peerId = conv.peerId();
        if (peerId == null) {
            return Optional.empty();
        }
        return client.contacts().get(peerId).map(c -> c.user()).or(() -> client.users().get(peerId));
    }
}
