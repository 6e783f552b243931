package org.qchat.client.ui;

import java.awt.Window;
import java.util.Optional;

import javax.swing.JOptionPane;
import javax.swing.JPasswordField;
import javax.swing.SwingUtilities;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.ErrorKeys;
import org.qchat.client.core.Validation;
import org.qchat.client.i18n.I18n;

/**
 * Current password, new password, the new one again. Problems show in the dialog's error line, next
 * to the fields, and never close it. After the change the server signs out the user's other
 * devices: the user is told so.
 */
final class ChangePasswordDialog extends FormDialog {

    private final ChatClient client;
    private final JPasswordField current = new JPasswordField(20);
    private final JPasswordField next = new JPasswordField(20);
    private final JPasswordField repeat = new JPasswordField(20);

    ChangePasswordDialog(Window owner, ChatClient client) {
        super(owner, ComponentNames.PASSWORD_DIALOG, I18n.tr("password.title"), I18n.tr("password.save"));
        this.client = client;
        current.setName(ComponentNames.PASSWORD_CURRENT);
        next.setName(ComponentNames.PASSWORD_NEW);
        repeat.setName(ComponentNames.PASSWORD_REPEAT);
        ok.setName(ComponentNames.PASSWORD_SAVE);
        error.setName(ComponentNames.PASSWORD_ERROR);
        for (JPasswordField field : new JPasswordField[]{current, next, repeat}) {
            field.putClientProperty("JTextField.showRevealButton", true);
        }
        next.putClientProperty("JTextField.placeholderText", I18n.tr("password.new.placeholder"));
        row(I18n.tr("password.current"), current, 0);
        row(I18n.tr("password.new"), next, 0);
        row(I18n.tr("password.repeat"), repeat, 0);
        ok.addActionListener(e -> submit());
    }

    private void submit() {
        clearError();
        String old = new String(current.getPassword());
        String wanted = new String(next.getPassword());
        Optional<String> problem = problem(old, wanted, new String(repeat.getPassword()));
        if (problem.isPresent()) {
            showError(I18n.tr(problem.get()));
            (old.isEmpty() ? current : problem.get().equals("validation.password.mismatch") ? repeat : next)
                    .requestFocusInWindow();
            return;
        }
        ok.setEnabled(false);
        client.account().changePassword(old, wanted).whenComplete((v, failure) -> SwingUtilities.invokeLater(() -> {
            ok.setEnabled(true);
            if (failure == null) {
                dispose();
                JOptionPane.showMessageDialog(getOwner(), I18n.tr("password.changed"), I18n.tr("password.title"),
                        JOptionPane.INFORMATION_MESSAGE);
                return;
            }
            String key = ErrorKeys.of(failure, Action.PASSWORD_CHANGE);
            showError(I18n.tr(key));
            if (key.equals("error.password.wrongCurrent")) {
                current.selectAll();
                current.requestFocusInWindow();
            }
        }));
    }

    /** Message key of what is wrong with the form, if anything; the server checks the current password. */
    static Optional<String> problem(String current, String next, String repeat) {
        if (current.isEmpty()) {
            return Optional.of("password.current.required");
        }
        Optional<String> invalid = Validation.password(next);
        if (invalid.isPresent()) {
            return invalid;
        }
        if (!next.equals(repeat)) {
            return Optional.of("validation.password.mismatch");
        }
        if (next.equals(current)) {
            return Optional.of("password.same");
        }
        return Optional.empty();
    }

    @Override
    void open(java.awt.Component near) {
        super.open(near);
        current.requestFocusInWindow();
    }
}
