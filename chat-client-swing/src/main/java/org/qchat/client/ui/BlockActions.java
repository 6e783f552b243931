package org.qchat.client.ui;

import java.awt.Component;

import javax.swing.JMenuItem;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.Names;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.UserInfo;

/** Block and Unblock, offered wherever a person appears: the friend list and the chat header. */
final class BlockActions {

    private BlockActions() {
    }

    /** "Block" for someone not blocked, else "Unblock". */
    static JMenuItem item(Component parent, ChatClient client, UserInfo user) {
        boolean blocked = client.account().blocked().contains(user.userId());
        JMenuItem item = new JMenuItem(I18n.tr(blocked ? "user.unblock" : "user.block"));
        item.setName(ComponentNames.FRIEND_BLOCK);
        item.addActionListener(e -> {
            if (blocked) {
                unblock(parent, client, user);
            } else {
                block(parent, client, user);
            }
        });
        return item;
    }

    /** Asks first: blocking silences someone without telling them, so it should not happen by a slip. */
    static void block(Component parent, ChatClient client, UserInfo user) {
        String name = Names.display(user);
        if (Dialogs.confirm(parent, I18n.tr("user.block.confirm", name), I18n.tr("user.block.title"),
                I18n.tr("user.block"))) {
            Dialogs.whenDone(client.account().block(user), Action.BLOCK, parent, null, v -> {
            });
        }
    }

    static void unblock(Component parent, ChatClient client, UserInfo user) {
        Dialogs.whenDone(client.account().unblock(user.userId()), Action.BLOCK, parent, null, v -> {
        });
    }
}
