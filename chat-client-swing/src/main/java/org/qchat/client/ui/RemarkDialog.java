package org.qchat.client.ui;

import java.awt.Component;

import javax.swing.JOptionPane;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.Contact;
import org.qchat.client.i18n.I18n;

/** Asks for the remark (备注) of a friend and stores it for all my devices. */
final class RemarkDialog {

    private RemarkDialog() {
    }

    static void ask(Component parent, ChatClient client, Contact contact) {
        Object answer = JOptionPane.showInputDialog(parent, I18n.tr("friend.remark.prompt"),
                I18n.tr("friend.remark.title", Glyphs.safe(contact.nickname())), JOptionPane.PLAIN_MESSAGE, null, null,
                contact.remark() == null ? "" : contact.remark());
        if (answer != null) {
            Dialogs.whenDone(client.setRemark(contact.userId(), answer.toString()), Action.SETTINGS, parent, null, v -> {
            });
        }
    }

    /** "Remark (nickname)" when there is a remark and room for both; else just the name shown everywhere. */
    static String titleOf(Contact contact) {
        return contact.hasRemark() ? contact.displayName() + " (" + contact.nickname() + ")" : contact.displayName();
    }
}
