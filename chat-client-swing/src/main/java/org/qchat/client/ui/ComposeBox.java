package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.function.Consumer;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.UIManager;
import javax.swing.text.DefaultEditorKit;

import org.qchat.client.core.Validation;
import org.qchat.client.i18n.I18n;

/**
 * Where a message is written: Enter sends, Shift+Enter (or Ctrl+Enter) starts a new line, the
 * smiley button opens the emoji picker. Hands the text to {@code onSend} and clears itself.
 */
final class ComposeBox extends JPanel {

    private final JTextArea input = new JTextArea(3, 20);
    private final JButton send = new JButton(I18n.tr("chat.send"));
    private final JLabel hint = new JLabel();
    private final Consumer<String> onSend;

    ComposeBox(Consumer<String> onSend) {
        super(new BorderLayout());
        this.onSend = onSend;
        setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Component.borderColor")));

        JButton emoji = new JButton("😀");
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
        JPanel toolbar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        toolbar.add(emoji);

        input.setName(ComponentNames.CHAT_INPUT);
        input.setLineWrap(true);
        input.setWrapStyleWord(true);
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

        add(toolbar, BorderLayout.NORTH);
        add(scroll, BorderLayout.CENTER);
        add(bottom, BorderLayout.SOUTH);
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

    JTextArea input() {
        return input;
    }

    void focusInput() {
        input.requestFocusInWindow();
    }
}
