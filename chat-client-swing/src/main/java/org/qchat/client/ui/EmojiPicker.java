package org.qchat.client.ui;

import java.awt.Font;
import java.awt.GridLayout;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.UIManager;

import org.qchat.client.i18n.I18n;
import org.qchat.client.ui.emoji.EmojiIcon;
import org.qchat.client.ui.emoji.EmojiImages;
import org.qchat.client.ui.emoji.EmojiNames;

/**
 * A grid of common emoji; clicking one inserts it. Each shows as the client's own colour image
 * ({@link EmojiImages}), the same on every desktop, with its name in the UI language as the
 * tooltip. scripts/emoji-images.py makes an image for every emoji listed here.
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

    private static final int IMAGE_SIZE = 24;

    EmojiPicker(Consumer<String> onPick) {
        setName(ComponentNames.EMOJI_PICKER);
        Font base = UIManager.getFont("defaultFont");
        Font font = (base != null ? base : new JButton().getFont()).deriveFont(20f);
        JPanel grid = new JPanel(new GridLayout(0, 10, 2, 2));
        grid.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        for (String emoji : EMOJI) {
            JButton button;
            if (EmojiImages.has(emoji)) {
                button = new JButton(new EmojiIcon(emoji, IMAGE_SIZE));
            } else if (emoji.codePoints().allMatch(Glyphs::drawable) && font.canDisplayUpTo(emoji) == -1) {
                button = new JButton(emoji);
                button.setFont(font);
            } else {
                continue;
            }
            button.setName(ComponentNames.EMOJI_BUTTON);
            button.setToolTipText(name(emoji));
            button.getAccessibleContext().setAccessibleName(name(emoji));
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

    /** The emoji's name in the UI language, or its Unicode character name if the client has none. */
    static String name(String emoji) {
        String name = EmojiNames.of(emoji, I18n.locale());
        return name != null ? name : Character.getName(emoji.codePointAt(0)).toLowerCase(java.util.Locale.ROOT);
    }
}
