package org.qchat.client.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;

import javax.swing.Icon;

import org.qchat.client.core.model.Receipts.Tick;

/**
 * Small drawn icons for message and conversation states: a clock while sending, one grey tick when
 * stored, two grey ticks when delivered, two blue ticks when read; a struck-through bell for a muted
 * conversation, a pin for a pinned one. Drawn, not taken from a font, so they look the same on every
 * desktop.
 */
final class StatusIcons {

    /** The blue of "read". */
    static final Color READ_BLUE = new Color(0x2F, 0x8C, 0xF0);

    private StatusIcons() {
    }

    private static final java.util.Map<Tick, Icon> TICKS = new java.util.EnumMap<>(Tick.class);

    /** The tick's icon; one per tick (they read the theme's colours when painted), so marks compare equal. */
    static Icon tick(Tick tick) {
        return TICKS.computeIfAbsent(tick, StatusIcons::drawTick);
    }

    private static Icon drawTick(Tick tick) {
        return new Drawn(tick == Tick.SENDING ? 12 : 16, 12, tick.name().toLowerCase(java.util.Locale.ROOT), (g, w, h) -> {
            switch (tick) {
                case SENDING -> {
                    g.setColor(Theme.secondaryText());
                    g.drawOval(1, 1, 10, 10);
                    g.drawLine(6, 6, 6, 3);
                    g.drawLine(6, 6, 8, 7);
                }
                case SENT -> {
                    g.setColor(Theme.secondaryText());
                    g.draw(check(1));
                }
                case DELIVERED, READ -> {
                    g.setColor(tick == Tick.READ ? READ_BLUE : Theme.secondaryText());
                    g.draw(check(0));
                    g.draw(check(5));
                }
            }
        });
    }

    static Icon bellOff(Color color) {
        return new Drawn(14, 14, "muted", (g, w, h) -> {
            g.setColor(color);
            Path2D bell = new Path2D.Float();
            bell.moveTo(3, 10);
            bell.curveTo(4, 8, 4, 7, 4, 5.5);
            bell.curveTo(4, 3, 5.5, 2, 7, 2);
            bell.curveTo(8.5, 2, 10, 3, 10, 5.5);
            bell.curveTo(10, 7, 10, 8, 11, 10);
            bell.closePath();
            g.draw(bell);
            g.drawLine(6, 12, 8, 12);
            g.drawLine(2, 2, 12, 12);
        });
    }

    static Icon pin(Color color) {
        return new Drawn(12, 14, "pinned", (g, w, h) -> {
            g.setColor(color);
            g.fillOval(3, 1, 6, 6);
            g.drawLine(6, 7, 6, 13);
        });
    }

    private static Path2D check(int x) {
        Path2D p = new Path2D.Float();
        p.moveTo(x + 1, 6);
        p.lineTo(x + 4, 9);
        p.lineTo(x + 10, 2);
        return p;
    }

    @FunctionalInterface
    private interface Painter {
        void paint(Graphics2D g, int width, int height);
    }

    /** An icon drawn with antialiased 1.4 px lines; its description says what it shows (for tests and screen readers). */
    static final class Drawn implements Icon {
        private final int width;
        private final int height;
        private final String description;
        private final Painter painter;

        Drawn(int width, int height, String description, Painter painter) {
            this.width = width;
            this.height = height;
            this.description = description;
            this.painter = painter;
        }

        String description() {
            return description;
        }

        @Override
        public void paintIcon(Component c, Graphics g, int x, int y) {
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g2.translate(x, y);
            painter.paint(g2, width, height);
            g2.dispose();
        }

        @Override
        public int getIconWidth() {
            return width;
        }

        @Override
        public int getIconHeight() {
            return height;
        }
    }
}
