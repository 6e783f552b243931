package org.qchat.client.ui;

import java.awt.Window;

import javax.swing.JTextField;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.Validation;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.UserInfo;

/** Edit my nickname and signature. */
final class ProfileDialog extends FormDialog {

    ProfileDialog(Window owner, ChatClient client) {
        super(owner, ComponentNames.PROFILE_DIALOG, I18n.tr("profile.title"), I18n.tr("profile.save"));
        UserInfo me = client.session().me();
        JTextField nickname = new JTextField(me == null ? "" : me.nickname(), 22);
        JTextField signature = new JTextField(me == null ? "" : me.signature(), 22);
        nickname.setName(ComponentNames.PROFILE_NICKNAME);
        signature.setName(ComponentNames.PROFILE_SIGNATURE);
        signature.putClientProperty("JTextField.placeholderText", I18n.tr("profile.signature.placeholder"));
        ok.setName(ComponentNames.PROFILE_SAVE);
        error.setName(ComponentNames.PROFILE_ERROR);
        row(I18n.tr("profile.nickname"), nickname, 0);
        row(I18n.tr("profile.signature"), signature, 0);
        ok.addActionListener(e -> {
            clearError();
            var problem = Validation.nickname(nickname.getText()).or(() -> Validation.signature(signature.getText()));
            if (problem.isPresent()) {
                showError(I18n.tr(problem.get()));
                return;
            }
            ok.setEnabled(false);
            var future = client.updateProfile(nickname.getText().strip(), signature.getText().strip());
            Dialogs.whenDone(future, Action.PROFILE_UPDATE, this, error, user -> dispose());
            future.whenComplete((v, t) -> ok.setEnabled(true));
        });
    }
}
