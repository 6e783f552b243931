package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;

import org.qchat.client.ui.emoji.EmojiLabel;
import org.qchat.client.core.model.Conversation;

/**
 * Renders a {@link ListEntry}: avatar, title over subtitle, and at the right a time and an unread
 * badge. Use with {@link #install}: a fixed cell width makes rows as wide as the list, so long
 * signatures end in "…" instead of widening the window.
 */
final class EntryRenderer implements ListCellRenderer<ListEntry> {

    static void install(JList<ListEntry> list) {
        list.setCellRenderer(new EntryRenderer());
        list.setFixedCellWidth(120);
    }

    private final JPanel panel = new JPanel(new BorderLayout(10, 0));
    private final JLabel icon = new JLabel();
    private final JLabel title = new EmojiLabel();
    private final JLabel subtitle = new EmojiLabel();
    private final JLabel trailing = new JLabel();
    private final BadgeLabel badge = new BadgeLabel();

    EntryRenderer() {
        JPanel text = new JPanel();
        text.setOpaque(false);
        text.setLayout(new BoxLayout(text, BoxLayout.Y_AXIS));
        text.add(title);
        text.add(subtitle);
        JPanel right = new JPanel(new BorderLayout(0, 2));
        right.setOpaque(false);
        right.add(trailing, BorderLayout.NORTH);
        JPanel badgeRow = new JPanel(new BorderLayout());
        badgeRow.setOpaque(false);
        badgeRow.add(badge, BorderLayout.EAST);
        right.add(badgeRow, BorderLayout.SOUTH);
        trailing.setHorizontalAlignment(JLabel.RIGHT);
        panel.add(icon, BorderLayout.WEST);
        panel.add(text, BorderLayout.CENTER);
        panel.add(right, BorderLayout.EAST);
        panel.setBorder(BorderFactory.createEmptyBorder(6, 10, 6, 10));
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends ListEntry> list, ListEntry entry, int index,
                                                  boolean selected, boolean focused) {
        Conversation conv = entry.payload() instanceof Conversation c ? c : null;
        boolean pinned = conv != null && conv.isPinned();
        boolean muted = conv != null && conv.isMuted();
        // A pinned conversation sits on a faint tint of the accent colour: there, but not loud.
        Color bg = selected ? UIManager.getColor("List.selectionBackground")
                : pinned ? mix(list.getBackground(), Theme.accent(), 0.08) : list.getBackground();
        Color fg = selected ? UIManager.getColor("List.selectionForeground") : list.getForeground();
        panel.setBackground(bg);
        icon.setIcon(entry.icon());
        title.setText(Glyphs.safeBesideImages(entry.title()));
        title.setFont(list.getFont().deriveFont(Font.BOLD));
        title.setForeground(entry.dimmed() && !selected ? Theme.secondaryText() : fg);
        subtitle.setText(entry.subtitle() == null || entry.subtitle().isEmpty() ? " " : Glyphs.safeBesideImages(entry.subtitle()));
        subtitle.setFont(list.getFont().deriveFont(list.getFont().getSize2D() - 1f));
        subtitle.setForeground(selected ? fg : Theme.secondaryText());
        trailing.setText(entry.trailing() == null ? "" : entry.trailing());
        trailing.setIcon(muted ? StatusIcons.bellOff(selected ? fg : Theme.secondaryText()) : null);
        trailing.setHorizontalTextPosition(JLabel.LEADING);
        trailing.setIconTextGap(4);
        trailing.setToolTipText(muted ? org.qchat.client.i18n.I18n.tr("conversation.muted") : null);
        title.setIcon(pinned ? StatusIcons.pin(Theme.accent()) : null);
        title.setHorizontalTextPosition(JLabel.LEADING);
        trailing.setFont(subtitle.getFont());
        trailing.setForeground(selected ? fg : Theme.secondaryText());
        badge.setCount(entry.unread());
        badge.setQuiet(muted);
        return panel;
    }

    private static Color mix(Color base, Color tint, double share) {
        return new Color((int) (base.getRed() * (1 - share) + tint.getRed() * share),
                (int) (base.getGreen() * (1 - share) + tint.getGreen() * share),
                (int) (base.getBlue() * (1 - share) + tint.getBlue() * share));
    }

    /** A red pill with a number; invisible at zero. */
    static final class BadgeLabel extends JLabel {
        private int count;
        /** A muted conversation's count is grey, not red: it asks for no attention. */
        private boolean quiet;

        void setQuiet(boolean quiet) {
            this.quiet = quiet;
        }

        BadgeLabel() {
            setForeground(Color.WHITE);
            setHorizontalAlignment(CENTER);
            setBorder(BorderFactory.createEmptyBorder(1, 6, 1, 6));
        }

        void setCount(int count) {
            this.count = count;
            setText(count > 0 ? Texts.count(count) : "");
            setVisible(count > 0);
            Font base = UIManager.getFont("defaultFont");
            if (base != null) {
                setFont(base.deriveFont(Font.BOLD, base.getSize2D() - 2f));
            }
        }

        int count() {
            return count;
        }

        @Override
        public Dimension getPreferredSize() {
            Dimension d = super.getPreferredSize();
            return new Dimension(Math.max(d.width, d.height), d.height);
        }

        @Override
        protected void paintComponent(Graphics g) {
            if (count > 0) {
                Graphics2D g2 = (Graphics2D) g.create();
                g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g2.setColor(quiet ? Theme.secondaryText() : Theme.badge());
                g2.fillRoundRect(0, 0, getWidth(), getHeight(), getHeight(), getHeight());
                g2.dispose();
            }
            super.paintComponent(g);
        }
    }
}
