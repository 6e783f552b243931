package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;

import org.qchat.client.i18n.I18n;

/** The shape shared by the small dialogs: labelled rows, an inline error line, Cancel and OK. */
class FormDialog extends JDialog {

    protected final JPanel form = new JPanel(new GridBagLayout());
    protected final JLabel error = new JLabel(" ");
    protected final JButton ok = new JButton();
    protected final JButton cancel = new JButton(I18n.tr("dialog.cancel"));
    private int rows;

    FormDialog(Window owner, String name, String title, String okText) {
        super(owner, title, ModalityType.MODELESS);
        setName(name);
        ok.setText(okText);
        ok.putClientProperty("JButton.buttonType", "roundRect");
        cancel.setName(ComponentNames.DIALOG_CANCEL);
        cancel.addActionListener(e -> dispose());
        error.setForeground(Theme.error());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        buttons.add(cancel);
        buttons.add(ok);
        JPanel south = new JPanel(new BorderLayout(0, 8));
        south.add(error, BorderLayout.NORTH);
        south.add(buttons, BorderLayout.SOUTH);
        JPanel content = new JPanel(new BorderLayout(0, 10));
        content.setBorder(BorderFactory.createEmptyBorder(16, 18, 14, 18));
        content.add(form, BorderLayout.CENTER);
        content.add(south, BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().setDefaultButton(ok);
        Dialogs.closeOnEscape(this);
    }

    /** Adds a labelled row; a null label lets the component span both columns. */
    protected void row(String label, JComponent component, double weighty) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = rows++;
        c.insets = new Insets(4, 2, 4, 2);
        c.anchor = GridBagConstraints.WEST;
        if (label != null) {
            c.gridx = 0;
            form.add(new JLabel(label), c);
            c.gridx = 1;
        } else {
            c.gridx = 0;
            c.gridwidth = 2;
        }
        c.weightx = 1;
        c.weighty = weighty;
        c.fill = GridBagConstraints.BOTH;
        form.add(component, c);
    }

    protected void showError(String text) {
        error.setText(text);
    }

    protected void clearError() {
        error.setText(" ");
    }

    void open(java.awt.Component near) {
        pack();
        setLocationRelativeTo(near);
        Dialogs.keepOnScreen(this);
        setVisible(true);
    }
}
