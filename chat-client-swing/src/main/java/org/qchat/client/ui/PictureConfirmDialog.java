package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;

import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;

import org.qchat.client.i18n.I18n;

/**
 * Asks before a pasted or dropped picture goes out, as QQ does: a paste is easily made by
 * mistake, and what is on the clipboard is not always what one thinks. Shows the picture fitted
 * into a small frame with its size in pixels; Enter sends, Esc cancels.
 */
final class PictureConfirmDialog extends JDialog {

    private static final int MAX_WIDTH = 420;
    private static final int MAX_HEIGHT = 300;

    private boolean confirmed;

    private PictureConfirmDialog(Window owner, BufferedImage picture) {
        super(owner, I18n.tr("picture.confirm.title"), ModalityType.DOCUMENT_MODAL);
        setName(ComponentNames.PICTURE_CONFIRM);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);

        JLabel image = new JLabel(new ImageIcon(fitted(picture)));
        image.setName(ComponentNames.PICTURE_CONFIRM_IMAGE);
        JPanel frame = new JPanel(new BorderLayout());
        frame.setBackground(Theme.chatBackground());
        frame.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        frame.add(image, BorderLayout.CENTER);
        JLabel size = new JLabel(I18n.tr("picture.confirm.size", picture.getWidth(), picture.getHeight()),
                SwingConstants.LEFT);
        size.setForeground(Theme.secondaryText());

        JButton send = new JButton(I18n.tr("picture.confirm.send"));
        send.setName(ComponentNames.PICTURE_CONFIRM_SEND);
        send.putClientProperty("JButton.buttonType", "roundRect");
        send.addActionListener(e -> {
            confirmed = true;
            dispose();
        });
        JButton cancel = new JButton(I18n.tr("dialog.cancel"));
        cancel.setName(ComponentNames.DIALOG_CANCEL);
        cancel.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        buttons.add(cancel);
        buttons.add(send);
        JPanel south = new JPanel(new BorderLayout(12, 0));
        south.setBorder(BorderFactory.createEmptyBorder(10, 0, 0, 0));
        south.add(size, BorderLayout.CENTER);
        south.add(buttons, BorderLayout.EAST);

        JPanel content = new JPanel(new BorderLayout());
        content.setBorder(BorderFactory.createEmptyBorder(14, 14, 12, 14));
        content.add(frame, BorderLayout.CENTER);
        content.add(south, BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().setDefaultButton(send);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setResizable(false);
        // Enter sends in any case (the default button); the focus on Send shows that it will.
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowOpened(WindowEvent e) {
                send.requestFocusInWindow();
            }
        });
    }

    /** Shows the picture and waits for the answer: whether to send it. On the Swing thread. */
    static boolean confirm(Component parent, BufferedImage picture) {
        Window owner = parent instanceof Window w ? w : SwingUtilities.getWindowAncestor(parent);
        PictureConfirmDialog dialog = new PictureConfirmDialog(owner, picture);
        dialog.setLocationRelativeTo(parent);
        Dialogs.keepOnScreen(dialog);
        dialog.setVisible(true);
        return dialog.confirmed;
    }

    /** The picture made to fit the frame, never enlarged. */
    private static BufferedImage fitted(BufferedImage picture) {
        double s = Math.min(1, Math.min((double) MAX_WIDTH / picture.getWidth(),
                (double) MAX_HEIGHT / picture.getHeight()));
        int longer = (int) Math.round(Math.max(picture.getWidth(), picture.getHeight()) * s);
        return LocalPicture.shrink(picture, Math.max(1, longer));
    }
}
