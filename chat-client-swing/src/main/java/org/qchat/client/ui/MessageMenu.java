package org.qchat.client.ui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;

import javax.swing.JComponent;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.event.PopupMenuEvent;
import javax.swing.event.PopupMenuListener;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.ErrorKeys;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.i18n.I18n;

/**
 * The right-click menu of a message: Copy, Reply, Recall (only where the user may recall it) and
 * Forward. Built afresh each time it opens, from the message as it is then.
 */
final class MessageMenu {

    static final String NAME = "message.menu";
    static final String COPY = "message.menu.copy";
    static final String REPLY = "message.menu.reply";
    static final String RECALL = "message.menu.recall";
    static final String FORWARD = "message.menu.forward";

    /** What the menu asks of the conversation view; on the Swing thread. */
    interface Handler {
        void reply(ChatMessage message);

        void forward(ChatMessage message);
    }

    private final ChatClient client;
    private final Conversation conv;
    private final Handler handler;

    MessageMenu(ChatClient client, Conversation conv, Handler handler) {
        this.client = client;
        this.conv = conv;
        this.handler = handler;
    }

    /** Gives {@code row} and everything in it this menu. */
    void install(MessageRow row) {
        JPopupMenu popup = new JPopupMenu();
        popup.setName(NAME);
        popup.addPopupMenuListener(new PopupMenuListener() {
            @Override
            public void popupMenuWillBecomeVisible(PopupMenuEvent e) {
                fill(popup, row.message());
            }

            @Override
            public void popupMenuWillBecomeInvisible(PopupMenuEvent e) {
            }

            @Override
            public void popupMenuCanceled(PopupMenuEvent e) {
            }
        });
        row.setComponentPopupMenu(popup);
        inherit(row);
    }

    private static void inherit(Container parent) {
        for (Component child : parent.getComponents()) {
            if (child instanceof JComponent c && c.getComponentPopupMenu() == null) {
                c.setInheritsPopupMenu(true);
            }
            if (child instanceof Container container) {
                inherit(container);
            }
        }
    }

    /** The menu's items for {@code message}, as it would open now. */
    JPopupMenu menuFor(ChatMessage message) {
        JPopupMenu popup = new JPopupMenu();
        popup.setName(NAME);
        fill(popup, message);
        return popup;
    }

    private void fill(JPopupMenu popup, ChatMessage message) {
        popup.removeAll();
        if (message.isRecalled()) {
            return;
        }
        popup.add(item(COPY, () -> copy(message)));
        boolean stored = message.isStored();
        if (stored && conv.isActive() && !conv.isSystem()) {
            popup.add(item(REPLY, () -> handler.reply(message)));
        }
        if (client.messageActions().mayRecall(message)) {
            popup.add(item(RECALL, () -> recall(popup.getInvoker(), message)));
        }
        if (stored) {
            popup.add(item(FORWARD, () -> handler.forward(message)));
        }
    }

    private static JMenuItem item(String key, Runnable action) {
        JMenuItem item = new JMenuItem(I18n.tr(key));
        item.setName(key);
        item.addActionListener(e -> action.run());
        return item;
    }

    private static void copy(ChatMessage message) {
        String text = message.hasFile() ? message.file().name() : message.text();
        Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null);
    }

    private void recall(Component parent, ChatMessage message) {
        client.messageActions().recall(message).whenComplete((done, failure) -> {
            if (failure != null) {
                Dialogs.error(parent, I18n.tr("message.recall.failed",
                        I18n.tr(ErrorKeys.of(failure, Action.SEND_MESSAGE))));
            }
        });
    }
}
