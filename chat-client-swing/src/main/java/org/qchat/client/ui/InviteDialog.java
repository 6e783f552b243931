package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.Contact;
import org.qchat.client.i18n.I18n;

/** Pick friends to add to a group; friends already in it are not offered. */
final class InviteDialog {

    private InviteDialog() {
    }

    static void show(Component parent, ChatClient client, long groupId) {
        JDialog dialog = new JDialog(SwingUtilities.getWindowAncestor(parent), I18n.tr("invite.title"));
        dialog.setName(ComponentNames.INVITE_DIALOG);
        Dialogs.closeOnEscape(dialog);
        JPanel boxes = new JPanel();
        boxes.setName(ComponentNames.INVITE_FRIENDS);
        boxes.setLayout(new BoxLayout(boxes, BoxLayout.Y_AXIS));
        List<JCheckBox> checks = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (Contact c : client.contacts().sorted()) {
            if (client.groups().member(groupId, c.userId()).isPresent()) {
                continue;
            }
            JCheckBox box = new JCheckBox(c.displayName() + "  @" + c.user().username());
            box.setName("invite." + c.user().username());
            checks.add(box);
            ids.add(c.userId());
            boxes.add(box);
        }
        JLabel status = new JLabel(checks.isEmpty() ? I18n.tr("invite.none") : " ");
        status.setName(ComponentNames.INVITE_STATUS);
        status.setForeground(checks.isEmpty() ? Theme.secondaryText() : Theme.error());
        JButton send = new JButton(I18n.tr("invite.send"));
        send.setName(ComponentNames.INVITE_SEND);
        send.setEnabled(!checks.isEmpty());
        JButton cancel = new JButton(I18n.tr("dialog.cancel"));
        cancel.setName(ComponentNames.DIALOG_CANCEL);
        cancel.addActionListener(e -> dialog.dispose());
        send.addActionListener(e -> {
            List<Long> chosen = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                if (checks.get(i).isSelected()) {
                    chosen.add(ids.get(i));
                }
            }
            if (chosen.isEmpty()) {
                status.setText(I18n.tr("invite.pick"));
                return;
            }
            send.setEnabled(false);
            var future = client.inviteToGroup(groupId, chosen);
            Dialogs.whenDone(future, Action.GROUP_INVITE, dialog, status, v -> dialog.dispose());
            future.whenComplete((v, t) -> send.setEnabled(true));
        });
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(cancel);
        buttons.add(send);
        JScrollPane scroll = new JScrollPane(boxes);
        scroll.setPreferredSize(new java.awt.Dimension(280, 260));
        JPanel content = new JPanel(new BorderLayout(0, 8));
        content.setBorder(BorderFactory.createEmptyBorder(12, 12, 8, 12));
        content.add(new JLabel(I18n.tr("invite.prompt")), BorderLayout.NORTH);
        content.add(scroll, BorderLayout.CENTER);
        JPanel south = new JPanel(new BorderLayout());
        south.add(status, BorderLayout.NORTH);
        south.add(buttons, BorderLayout.SOUTH);
        content.add(south, BorderLayout.SOUTH);
        dialog.setContentPane(content);
        dialog.getRootPane().setDefaultButton(send);
        dialog.pack();
        dialog.setLocationRelativeTo(parent);
        Dialogs.keepOnScreen(dialog);
        dialog.setVisible(true);
    }
}
