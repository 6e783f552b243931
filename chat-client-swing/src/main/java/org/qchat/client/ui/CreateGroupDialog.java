package org.qchat.client.ui;

import java.awt.Window;
import java.util.function.LongConsumer;

import javax.swing.JCheckBox;
import javax.swing.JTextField;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.Validation;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.JoinPolicy;

/** Name a new group and choose whether anyone may join; opens its conversation when created. */
final class CreateGroupDialog extends FormDialog {

    CreateGroupDialog(Window owner, ChatClient client, LongConsumer openConversation) {
        super(owner, ComponentNames.CREATE_GROUP_DIALOG, I18n.tr("createGroup.title"), I18n.tr("createGroup.create"));
        JTextField name = new JTextField(22);
        name.setName(ComponentNames.CREATE_GROUP_NAME);
        JCheckBox inviteOnly = new JCheckBox(I18n.tr("createGroup.inviteOnly"));
        inviteOnly.setName(ComponentNames.CREATE_GROUP_INVITE_ONLY);
        ok.setName(ComponentNames.CREATE_GROUP_CREATE);
        error.setName(ComponentNames.CREATE_GROUP_ERROR);
        row(I18n.tr("createGroup.name"), name, 0);
        row(null, inviteOnly, 0);
        ok.addActionListener(e -> {
            clearError();
            var problem = Validation.groupName(name.getText());
            if (problem.isPresent()) {
                showError(I18n.tr(problem.get()));
                return;
            }
            ok.setEnabled(false);
            var future = client.createGroup(name.getText(), inviteOnly.isSelected() ? JoinPolicy.INVITE : JoinPolicy.OPEN);
            Dialogs.whenDone(future, Action.GROUP_CREATE, this, error, group -> {
                dispose();
                openConversation.accept(group.convId());
            });
            future.whenComplete((v, t) -> ok.setEnabled(true));
        });
    }
}
