package org.qchat.client.ui;

import java.awt.Component;

import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.ConversationKind;

/** The right-click menu of a conversation: pin or unpin, mute or unmute, and for a friend the remark. */
final class ConversationMenu {

    private ConversationMenu() {
    }

    static JPopupMenu of(Component parent, ChatClient client, Conversation conv) {
        JPopupMenu menu = new JPopupMenu();
        menu.setName(ComponentNames.CONVERSATION_MENU);
        menu.add(item(ComponentNames.CONVERSATION_PIN, conv.isPinned() ? "conversation.unpin" : "conversation.pin",
                () -> Dialogs.whenDone(client.setPinned(conv.convId(), !conv.isPinned()), Action.SETTINGS, parent, null,
                        v -> { })));
        menu.add(item(ComponentNames.CONVERSATION_MUTE, conv.isMuted() ? "conversation.unmute" : "conversation.mute",
                () -> Dialogs.whenDone(client.setMuted(conv.convId(), !conv.isMuted()), Action.SETTINGS, parent, null,
                        v -> { })));
        if (conv.kind() == ConversationKind.PRIVATE && conv.peerId() != null) {
            client.contacts().get(conv.peerId()).ifPresent(contact -> menu.add(item(ComponentNames.FRIEND_REMARK,
                    "friend.remark", () -> RemarkDialog.ask(parent, client, contact))));
        }
        return menu;
    }

    private static JMenuItem item(String name, String key, Runnable action) {
        JMenuItem item = new JMenuItem(I18n.tr(key));
        item.setName(name);
        item.addActionListener(e -> action.run());
        return item;
    }
}
