package org.qchat.client.ui.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Area;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

import org.qchat.client.i18n.I18n;
import org.qchat.client.ui.ComponentNames;
import org.qchat.client.ui.Theme;

/**
 * The screenshot's surface: the frozen screen, dimmed except inside the selection, which shows
 * its size in pixels. Dragging draws a selection; dragging inside it moves it; a drag elsewhere
 * draws a new one. A double-click inside it, or Done, confirms; a right-click, or Cancel, gives up.
 */
final class CapturePanel extends JComponent {

    private static final Color DIM = new Color(0, 0, 0, 120);

    private final ScreenGrab grab;
    private final Rectangle area;
    private final Runnable onConfirm;
    private final Runnable onCancel;
    private final JPanel actions = new JPanel(new FlowLayout(FlowLayout.RIGHT, 4, 0));
    private Rectangle selection = new Rectangle();
    private Point anchor;
    private Point moveFrom;

    CapturePanel(ScreenGrab grab, Runnable onConfirm, Runnable onCancel) {
        this.grab = grab;
        this.area = new Rectangle(0, 0, grab.bounds().width, grab.bounds().height);
        this.onConfirm = onConfirm;
        this.onCancel = onCancel;
        setLayout(null);
        setCursor(Cursor.getPredefinedCursor(Cursor.CROSSHAIR_CURSOR));
        buildActions();
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                pressed(e);
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                dragged(e.getPoint());
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                anchor = null;
                moveFrom = null;
                placeActions();
            }

            @Override
            public void mouseMoved(MouseEvent e) {
                setCursor(Cursor.getPredefinedCursor(selection.contains(e.getPoint())
                        ? Cursor.MOVE_CURSOR : Cursor.CROSSHAIR_CURSOR));
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
    }

    private void buildActions() {
        JButton cancel = new JButton(I18n.tr("media.capture.cancel"));
        cancel.setName(ComponentNames.CAPTURE_CANCEL);
        cancel.addActionListener(e -> onCancel.run());
        JButton done = new JButton(I18n.tr("media.capture.done"));
        done.setName(ComponentNames.CAPTURE_DONE);
        done.setBackground(Theme.accent());
        done.setForeground(Color.WHITE);
        done.addActionListener(e -> confirm());
        for (JButton b : new JButton[] {cancel, done}) {
            b.setFocusable(false);
            b.setCursor(Cursor.getDefaultCursor());
            actions.add(b);
        }
        actions.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        actions.setBackground(UIManager.getColor("Panel.background"));
        actions.setVisible(false);
        add(actions);
    }

    private void pressed(MouseEvent e) {
        if (SwingUtilities.isRightMouseButton(e)) {
            onCancel.run();
            return;
        }
        if (!SwingUtilities.isLeftMouseButton(e)) {
            return;
        }
        if (e.getClickCount() >= 2 && selection.contains(e.getPoint())) {
            confirm();
            return;
        }
        actions.setVisible(false);
        if (selection.contains(e.getPoint())) {
            moveFrom = e.getPoint();
        } else {
            // The old selection stays until the mouse really drags: a stray click loses nothing.
            anchor = e.getPoint();
        }
    }

    private void dragged(Point p) {
        if (moveFrom != null) {
            setSelection(Selection.moved(selection, p.x - moveFrom.x, p.y - moveFrom.y, area));
            moveFrom = p;
        } else if (anchor != null) {
            setSelection(Selection.between(anchor, p, area));
        }
    }

    /** Enter, or a double-click, or Done: only once something is selected. */
    void confirm() {
        if (!grab.pixels(selection).isEmpty()) {
            onConfirm.run();
        }
    }

    /** Moves the selection by the arrow keys. */
    void nudge(int dx, int dy) {
        if (!selection.isEmpty()) {
            setSelection(Selection.moved(selection, dx, dy, area));
            placeActions();
        }
    }

    Rectangle selection() {
        return new Rectangle(selection);
    }

    void setSelection(Rectangle next) {
        selection = new Rectangle(next);
        repaint();
    }

    /** Done and Cancel sit under the selection's right end, or above it, or inside it when neither fits. */
    private void placeActions() {
        if (selection.isEmpty()) {
            actions.setVisible(false);
            return;
        }
        Dimension size = actions.getPreferredSize();
        int x = Math.max(0, Math.min(area.width - size.width, selection.x + selection.width - size.width));
        int y = selection.y + selection.height + 6;
        if (y + size.height > area.height) {
            y = selection.y - size.height - 6;
        }
        if (y < 0) {
            y = selection.y + selection.height - size.height - 6;
        }
        actions.setBounds(x, y, size.width, size.height);
        actions.setVisible(true);
        repaint();
    }

    JPanel actions() {
        return actions;
    }

    @Override
    public Dimension getPreferredSize() {
        return area.getSize();
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g2.drawImage(grab.image(), 0, 0, area.width, area.height, null);
        Area dimmed = new Area(area);
        dimmed.subtract(new Area(selection));
        g2.setColor(DIM);
        g2.fill(dimmed);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        if (selection.isEmpty()) {
            paintBadge(g2, I18n.tr("media.capture.hint"), area.width / 2, 24, true);
        } else {
            g2.setColor(Theme.accent());
            g2.setStroke(new BasicStroke(2f));
            g2.drawRect(selection.x - 1, selection.y - 1, selection.width + 1, selection.height + 1);
            Rectangle px = grab.pixels(selection);
            paintBadge(g2, px.width + " × " + px.height, selection.x, selection.y, false);
        }
        g2.dispose();
    }

    /**
     * White text on a dark rounded box: centred at the top of the screen for the hint, or just
     * above the selection's top-left corner (inside it when there is no room above) for its size.
     */
    private void paintBadge(Graphics2D g2, String text, int x, int y, boolean centred) {
        Font base = UIManager.getFont("Label.font");
        g2.setFont(centred ? base.deriveFont(base.getSize2D() + 1f) : base);
        FontMetrics fm = g2.getFontMetrics();
        int padX = centred ? 14 : 6;
        int padY = centred ? 8 : 3;
        int w = fm.stringWidth(text) + 2 * padX;
        int h = fm.getHeight() + 2 * padY;
        int left = centred ? x - w / 2 : x;
        int top = centred ? y : (y - h - 4 >= 0 ? y - h - 4 : y + 4);
        g2.setColor(new Color(0x20, 0x22, 0x25, 220));
        g2.fillRoundRect(left, top, w, h, 8, 8);
        g2.setColor(Color.WHITE);
        g2.drawString(text, left + padX, top + padY + fm.getAscent());
    }
}
