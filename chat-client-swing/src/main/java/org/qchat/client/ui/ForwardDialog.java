package org.qchat.client.ui;

import java.awt.Component;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Contact;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.GroupInfo;

/** Asks where to forward a message (one of my friends or groups) and forwards it there. */
final class ForwardDialog {

    static final String LIST_NAME = "forward.targets";

    /** A conversation to forward to. */
    record Target(long convId, String title) {
        @Override
        public String toString() {
            return title;
        }
    }

    private ForwardDialog() {
    }

    static List<Target> targets(ChatClient client) {
        List<Target> out = new ArrayList<>();
        for (Contact c : client.contacts().sorted()) {
            out.add(new Target(c.convId(), Glyphs.safe(c.displayName())));
        }
        for (GroupInfo g : client.groups().sorted()) {
            out.add(new Target(g.convId(), Glyphs.safe(g.name())));
        }
        return out;
    }

    static void show(Component parent, ChatClient client, ChatMessage message) {
        JList<Target> list = new JList<>(targets(client).toArray(Target[]::new));
        list.setName(LIST_NAME);
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setVisibleRowCount(10);
        int answer = JOptionPane.showConfirmDialog(parent, new JScrollPane(list), I18n.tr("forward.title"),
                JOptionPane.OK_CANCEL_OPTION, JOptionPane.PLAIN_MESSAGE);
        Target target = list.getSelectedValue();
        if (answer == JOptionPane.OK_OPTION && target != null
                && !client.messageActions().forward(message, target.convId())) {
            Dialogs.error(parent, I18n.tr("forward.downloadFirst"));
        }
    }
}
