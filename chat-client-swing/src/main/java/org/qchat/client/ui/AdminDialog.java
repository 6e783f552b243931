package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Window;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.ErrorKeys;
import org.qchat.client.core.Validation;
import org.qchat.client.i18n.I18n;

/**
 * For server administrators: post an announcement to everyone, and disable, enable or reset the
 * password of an account named by its username. Each outcome shows in the status line; the dialog
 * stays open for the next task.
 */
final class AdminDialog extends FormDialog {

    private final ChatClient client;
    private final JTextArea announcement = new JTextArea(4, 28);
    private final JTextField username = new JTextField(18);
    private final JPasswordField newPassword = new JPasswordField(18);

    AdminDialog(Window owner, ChatClient client) {
        super(owner, ComponentNames.ADMIN_DIALOG, I18n.tr("admin.title"), "");
        this.client = client;
        ok.setVisible(false);
        getRootPane().setDefaultButton(null);
        cancel.setText(I18n.tr("dialog.close"));
        error.setName(ComponentNames.ADMIN_STATUS);

        announcement.setName(ComponentNames.ADMIN_ANNOUNCEMENT);
        announcement.setLineWrap(true);
        announcement.setWrapStyleWord(true);
        JButton broadcast = button(ComponentNames.ADMIN_BROADCAST, "admin.broadcast");
        broadcast.addActionListener(e -> broadcast(broadcast));
        JPanel announce = new JPanel(new BorderLayout(0, 6));
        announce.add(new JScrollPane(announcement), BorderLayout.CENTER);
        announce.add(trailing(broadcast), BorderLayout.SOUTH);
        announce.setBorder(BorderFactory.createTitledBorder(I18n.tr("admin.announcement")));
        row(null, announce, 1);

        username.setName(ComponentNames.ADMIN_USERNAME);
        newPassword.setName(ComponentNames.ADMIN_NEW_PASSWORD);
        newPassword.putClientProperty("JTextField.showRevealButton", true);
        JButton disable = button(ComponentNames.ADMIN_DISABLE, "admin.disable");
        JButton enable = button(ComponentNames.ADMIN_ENABLE, "admin.enable");
        JButton reset = button(ComponentNames.ADMIN_RESET, "admin.reset");
        disable.addActionListener(e -> setDisabled(true, disable));
        enable.addActionListener(e -> setDisabled(false, enable));
        reset.addActionListener(e -> resetPassword(reset));
        JPanel account = new JPanel(new java.awt.GridBagLayout());
        account.setBorder(BorderFactory.createTitledBorder(I18n.tr("admin.account")));
        java.awt.GridBagConstraints c = new java.awt.GridBagConstraints();
        c.insets = new java.awt.Insets(3, 4, 3, 4);
        c.anchor = java.awt.GridBagConstraints.WEST;
        c.fill = java.awt.GridBagConstraints.HORIZONTAL;
        add(account, c, 0, 0, new javax.swing.JLabel(I18n.tr("admin.username")), 0);
        add(account, c, 1, 0, username, 1);
        add(account, c, 2, 0, row(disable, enable), 0);
        add(account, c, 0, 1, new javax.swing.JLabel(I18n.tr("admin.newPassword")), 0);
        add(account, c, 1, 1, newPassword, 1);
        add(account, c, 2, 1, row(reset), 0);
        row(null, account, 0);
    }

    private static JButton button(String name, String key) {
        JButton b = new JButton(I18n.tr(key));
        b.setName(name);
        return b;
    }

    private static JPanel trailing(JButton button) {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.RIGHT, 0, 0));
        p.add(button);
        return p;
    }

    private static JPanel row(JButton... buttons) {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        for (JButton b : buttons) {
            p.add(b);
        }
        return p;
    }

    private static void add(JPanel panel, java.awt.GridBagConstraints c, int x, int y, java.awt.Component comp,
                            double weightx) {
        c.gridx = x;
        c.gridy = y;
        c.weightx = weightx;
        panel.add(comp, c);
    }

    private void broadcast(JButton button) {
        String text = announcement.getText();
        Optional<String> problem = Validation.messageText(text);
        if (problem.isPresent()) {
            fail(I18n.tr(problem.get()));
            return;
        }
        run(client.admin().broadcast(text), button, () -> {
            announcement.setText("");
            return I18n.tr("admin.broadcast.done");
        });
    }

    private void setDisabled(boolean disabled, JButton button) {
        String name = username.getText().strip();
        if (name.isEmpty()) {
            fail(I18n.tr("validation.username.required"));
            return;
        }
        if (disabled && !Dialogs.confirm(this, I18n.tr("admin.disable.confirm", name), I18n.tr("admin.title"),
                I18n.tr("admin.disable"))) {
            return;
        }
        run(client.admin().setDisabled(name, disabled), button,
                () -> I18n.tr(disabled ? "admin.disable.done" : "admin.enable.done", name));
    }

    private void resetPassword(JButton button) {
        String name = username.getText().strip();
        String password = new String(newPassword.getPassword());
        Optional<String> problem = name.isEmpty() ? Optional.of("validation.username.required")
                : Validation.password(password);
        if (problem.isPresent()) {
            fail(I18n.tr(problem.get()));
            return;
        }
        run(client.admin().resetPassword(name, password), button, () -> {
            newPassword.setText("");
            return I18n.tr("admin.reset.done", name);
        });
    }

    /** Runs one request from {@code button}; the status line then says how it went. */
    private void run(CompletableFuture<Void> request, JButton button, java.util.function.Supplier<String> success) {
        clearError();
        button.setEnabled(false);
        request.whenComplete((v, failure) -> SwingUtilities.invokeLater(() -> {
            button.setEnabled(true);
            if (failure == null) {
                error.setForeground(Theme.online());
                error.setText(success.get());
            } else {
                fail(I18n.tr(ErrorKeys.of(failure, Action.ADMIN)));
            }
        }));
    }

    private void fail(String text) {
        error.setForeground(Theme.error());
        error.setText(text);
    }
}
