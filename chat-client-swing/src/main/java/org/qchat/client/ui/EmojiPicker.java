package org.qchat.client.ui;

import java.awt.Font;
import java.awt.GridLayout;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.UIManager;

/**
 * A grid of common emoji; clicking one inserts it. Java cannot paint colour emoji fonts, so they
 * show as the monochrome glyphs of the fallback font (Symbola on Linux) — readable, never boxes.
 * Only emoji the UI font (with its fallbacks) can display are offered.
 */
final class EmojiPicker extends JPopupMenu {

    static final String[] EMOJI = {
            "😀", "😁", "😂", "🤣", "😃", "😄", "😅", "😆", "😉", "😊",
            "😋", "😎", "😍", "😘", "🙂", "🤗", "🤔", "😐", "😑", "🙄",
            "😏", "😣", "😥", "😮", "😪", "😫", "😴", "😌", "😛", "😜",
            "😝", "😒", "😓", "😔", "😕", "🙃", "😲", "🙁", "😖", "😞",
            "😟", "😤", "😢", "😭", "😨", "😩", "😬", "😰", "😱", "😳",
            "😵", "😡", "😠", "😷", "😇", "🤓", "😈", "👻", "💀", "🤖",
            "👍", "👎", "👌", "✌", "👏", "🙌", "🙏", "💪", "👋", "🤝",
            "❤", "💔", "💕", "💯", "🔥", "🎉", "🎂", "🎁", "☕", "🍺",
            "🍻", "🍜", "🍰", "🌹", "🌈", "☀", "⭐", "🌙", "⚡", "❄",
            "☔", "💡", "📢", "✅", "❌", "❓", "❗", "💤", "🐶", "🐱",
    };

    EmojiPicker(Consumer<String> onPick) {
        setName(ComponentNames.EMOJI_PICKER);
        Font base = UIManager.getFont("defaultFont");
        Font font = (base != null ? base : new JButton().getFont()).deriveFont(20f);
        JPanel grid = new JPanel(new GridLayout(0, 10, 2, 2));
        grid.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        for (String emoji : EMOJI) {
            if (!emoji.codePoints().allMatch(Glyphs::drawable) || font.canDisplayUpTo(emoji) != -1) {
                continue;
            }
            JButton button = new JButton(emoji);
            button.setName(ComponentNames.EMOJI_BUTTON);
            button.setFont(font);
            button.setToolTipText(Character.getName(emoji.codePointAt(0)).toLowerCase(java.util.Locale.ROOT));
            button.putClientProperty("JButton.buttonType", "toolBarButton");
            button.setFocusable(false);
            button.setMargin(new java.awt.Insets(2, 2, 2, 2));
            button.addActionListener(e -> {
                setVisible(false);
                onPick.accept(emoji);
            });
            grid.add(button);
        }
        add(grid);
    }
}
