package org.qchat.client.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Locale;

import javax.swing.Icon;
import javax.swing.UIManager;

/**
 * Painted avatars: a coloured circle with the first letter of the name (groups get a rounded
 * square), optionally with a presence dot. No image files, so they scale and follow the theme.
 */
public final class Avatars {

    private static final Color[] PALETTE = {
            new Color(0x4E, 0x8C, 0xF7), new Color(0x2E, 0xB8, 0x8A), new Color(0xF5, 0x8A, 0x3C),
            new Color(0xA3, 0x6C, 0xF0), new Color(0xE8, 0x5A, 0x7A), new Color(0x1F, 0xA8, 0xC9),
            new Color(0x8A, 0x9A, 0x2E), new Color(0xD0, 0x6A, 0x2B),
    };

    private Avatars() {
    }

    public static Icon user(long userId, String name, int size) {
        return new Letter(initial(name), PALETTE[(int) Math.floorMod(userId, (long) PALETTE.length)], size, false);
    }

    public static Icon group(long groupId, String name, int size) {
        return new Letter(initial(name), PALETTE[(int) Math.floorMod(groupId * 7 + 3, (long) PALETTE.length)], size, true);
    }

    public static Icon system(int size) {
        return new Letter("📢", new Color(0xF0, 0xB4, 0x29), size, true);
    }

    /** Adds a presence dot (green online, grey offline) at the bottom right. */
    public static Icon withPresence(Icon avatar, boolean online) {
        return new Icon() {
            @Override
            public void paintIcon(Component c, Graphics g, int x, int y) {
                avatar.paintIcon(c, g, x, y);
                Graphics2D g2 = (Graphics2D) g.create();
                g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                int d = Math.max(8, avatar.getIconWidth() / 3);
                int dx = x + avatar.getIconWidth() - d;
                int dy = y + avatar.getIconHeight() - d;
                Color ring = c != null && c.getBackground() != null ? c.getBackground() : UIManager.getColor("Panel.background");
                g2.setColor(ring);
                g2.fillOval(dx - 2, dy - 2, d + 4, d + 4);
                g2.setColor(online ? Theme.online() : Theme.offline());
                g2.fillOval(dx, dy, d, d);
                g2.dispose();
            }

            @Override
            public int getIconWidth() {
                return avatar.getIconWidth() + 2;
            }

            @Override
            public int getIconHeight() {
                return avatar.getIconHeight() + 2;
            }
        };
    }

    /** The first character (code point) of a name, upper-cased: "A", "小", an emoji. */
    static String initial(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String s = name.strip();
        return new String(Character.toChars(s.codePointAt(0))).toUpperCase(Locale.ROOT);
    }

    private record Letter(String text, Color color, int size, boolean square) implements Icon {
        @Override
        public void paintIcon(Component c, Graphics g, int x, int y) {
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setColor(color);
            if (square) {
                g2.fillRoundRect(x, y, size, size, size / 3, size / 3);
            } else {
                g2.fillOval(x, y, size, size);
            }
            g2.setStroke(new BasicStroke(1f));
            Font base = UIManager.getFont("defaultFont");
            if (base == null) {
                base = UIManager.getFont("Label.font");
            }
            g2.setFont(base.deriveFont(Font.BOLD, size * 0.45f));
            FontMetrics fm = g2.getFontMetrics();
            int tx = x + (size - fm.stringWidth(text)) / 2;
            int ty = y + (size - fm.getHeight()) / 2 + fm.getAscent();
            g2.setColor(Color.WHITE);
            g2.drawString(text, tx, ty);
            g2.dispose();
        }

        @Override
        public int getIconWidth() {
            return size;
        }

        @Override
        public int getIconHeight() {
            return size;
        }
    }
}
