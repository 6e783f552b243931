package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.UIManager;
import javax.swing.text.DefaultEditorKit;
import javax.swing.text.JTextComponent;

import org.qchat.client.core.Validation;
import org.qchat.client.i18n.I18n;
import org.qchat.client.ui.emoji.EmojiIcon;
import org.qchat.client.ui.emoji.EmojiImages;
import org.qchat.client.ui.emoji.EmojiTextPane;
import org.qchat.client.ui.media.Attachment;
import org.qchat.client.ui.media.Attachments;

/**
 * Where a message is written: Enter sends, Shift+Enter (or Ctrl+Enter) starts a new line, the
 * smiley button opens the emoji picker. Hands the text to {@code onSend} and clears itself.
 * The paperclip and the scissors, and a picture or files pasted into the text, go to {@link
 * Attaching}; pasted text stays text.
 */
final class ComposeBox extends JPanel {

    /** What the compose box asks for besides sending text; on the Swing thread. */
    interface Attaching {
        /** The paperclip: choose files to send. */
        void chooseFiles();

        /** The scissors: take a screenshot to send. */
        void captureScreen();

        /** Files or a picture were pasted into the text. */
        void attach(List<Attachment> attachments);
    }

    private static final int ICON_SIZE = 20;

    private final EmojiTextPane input = new EmojiTextPane();
    private final JButton send = new JButton(I18n.tr("chat.send"));
    private final JLabel hint = new JLabel();
    private final Consumer<String> onSend;
    private final JPanel north = new JPanel(new BorderLayout());

    ComposeBox(Consumer<String> onSend, Attaching attaching) {
        super(new BorderLayout());
        this.onSend = onSend;
        setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Component.borderColor")));

        JButton emoji = EmojiImages.has("😀") ? new JButton(new EmojiIcon("😀", ICON_SIZE)) : new JButton("😀");
        emoji.setName(ComponentNames.CHAT_EMOJI);
        emoji.setToolTipText(I18n.tr("chat.emoji.tooltip"));
        emoji.putClientProperty("JButton.buttonType", "toolBarButton");
        emoji.setFont(emoji.getFont().deriveFont(18f));
        emoji.setFocusable(false);
        EmojiPicker picker = new EmojiPicker(text -> {
            input.replaceSelection(text);
            input.requestFocusInWindow();
        });
        emoji.addActionListener(e -> picker.show(emoji, 0, -picker.getPreferredSize().height));
        JButton attach = toolButton(ComponentNames.CHAT_ATTACH, ToolIcon.paperclip(ICON_SIZE),
                I18n.tr("chat.attach.tooltip"), attaching::chooseFiles);
        JButton screenshot = toolButton(ComponentNames.CHAT_SCREENSHOT, ToolIcon.scissors(ICON_SIZE),
                I18n.tr("chat.screenshot.tooltip"), attaching::captureScreen);
        JPanel toolbar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        toolbar.add(emoji);
        toolbar.add(attach);
        toolbar.add(screenshot);

        input.setName(ComponentNames.CHAT_INPUT);
        input.setTransferHandler(Attachments.handler(input, attaching::attach));
        input.setVisibleRows(3);
        input.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
        input.putClientProperty("JTextArea.placeholderText", I18n.tr("chat.input.placeholder"));
        input.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "qchat-send");
        input.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER,
                java.awt.event.InputEvent.SHIFT_DOWN_MASK), DefaultEditorKit.insertBreakAction);
        input.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER,
                java.awt.event.InputEvent.CTRL_DOWN_MASK), DefaultEditorKit.insertBreakAction);
        input.getActionMap().put("qchat-send", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                submit();
            }
        });
        JScrollPane scroll = new JScrollPane(input);
        scroll.setBorder(BorderFactory.createEmptyBorder());

        send.setName(ComponentNames.CHAT_SEND);
        send.putClientProperty("JButton.buttonType", "roundRect");
        send.addActionListener(e -> submit());
        hint.setText(I18n.tr("chat.hint"));
        hint.setForeground(Theme.secondaryText());
        hint.setFont(hint.getFont().deriveFont(hint.getFont().getSize2D() - 1f));
        JPanel bottom = new JPanel(new BorderLayout(8, 0));
        bottom.setBorder(BorderFactory.createEmptyBorder(4, 10, 8, 10));
        bottom.add(hint, BorderLayout.CENTER);
        bottom.add(send, BorderLayout.EAST);

        north.add(toolbar, BorderLayout.CENTER);
        add(north, BorderLayout.NORTH);
        add(scroll, BorderLayout.CENTER);
        add(bottom, BorderLayout.SOUTH);
    }

    private static JButton toolButton(String name, Icon icon, String tooltip, Runnable action) {
        JButton b = new JButton(icon);
        b.setName(name);
        b.setToolTipText(tooltip);
        b.putClientProperty("JButton.buttonType", "toolBarButton");
        b.setFocusable(false);
        b.addActionListener(e -> action.run());
        return b;
    }

    private void submit() {
        String text = input.getText();
        var problem = Validation.messageText(text);
        if (problem.isPresent()) {
            if (!text.isBlank()) {
                hint.setText(I18n.tr(problem.get()));
                hint.setForeground(Theme.error());
            }
            return;
        }
        hint.setText(I18n.tr("chat.hint"));
        hint.setForeground(Theme.secondaryText());
        input.setText("");
        onSend.accept(text.strip());
    }

    /** Puts {@code bar} (a reply being written) above the toolbar. */
    void addAbove(JComponent bar) {
        north.add(bar, BorderLayout.NORTH);
    }

    JTextComponent input() {
        return input;
    }

    void focusInput() {
        input.requestFocusInWindow();
    }
}
