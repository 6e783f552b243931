package org.qchat.client.ui.media;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.AffineTransform;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import javax.swing.ToolTipManager;
import javax.swing.event.ChangeListener;

import org.qchat.client.i18n.I18n;
import org.qchat.client.ui.ComponentNames;
import org.qchat.client.ui.Theme;

/**
 * An image message: the thumbnail with rounded corners, the original's shape at its natural size
 * (at most 240 units; see {@link ThumbnailSize}), or a placeholder of that shape until there is a
 * thumbnail. While the original moves (a {@link TransferView} in TRANSFERRING) a dimmed ring shows
 * how far, with × in it to cancel; after a failure a retry button shows instead. A click on × or
 * retry goes to {@link Actions#cancel()} or {@link Actions#retry()}; any other click to {@link
 * Actions#open()}.
 *
 * <p>As {@link FileCard}, it listens to its TransferView only while on screen.
 */
public final class ImageThumbnail extends JComponent {

    /** What the user asked for, called on the Swing event thread. */
    public interface Actions {
        /** The image was clicked: show the original. */
        void open();

        void cancel();

        void retry();
    }

    enum Target { OPEN, CANCEL, RETRY }

    private static final int ARC = 12;

    private final Dimension size;
    private final TransferView transfer;
    private final Actions actions;
    private final ChangeListener listener = e -> repaint();
    private BufferedImage image;
    private BufferedImage rounded;
    private Target hovered;

    /**
     * @param thumbnail the picture to show, or null for a placeholder until {@link #setImage}
     * @param width the original's width in pixels, for its shape; 0 if unknown (the thumbnail's
     *              shape is used, else a common photo shape)
     * @param height the original's height in pixels; 0 if unknown
     */
    public ImageThumbnail(BufferedImage thumbnail, int width, int height, TransferView transfer, Actions actions) {
        boolean known = width > 0 && height > 0;
        this.size = known || thumbnail == null ? ThumbnailSize.of(width, height)
                : ThumbnailSize.of(thumbnail.getWidth(), thumbnail.getHeight());
        this.transfer = transfer;
        this.actions = actions;
        this.image = thumbnail;
        setName(ComponentNames.IMAGE_THUMBNAIL);
        setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        setOpaque(false);
        ToolTipManager.sharedInstance().registerComponent(this);
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (SwingUtilities.isLeftMouseButton(e)) {
                    click(e.getPoint());
                }
            }

            @Override
            public void mouseMoved(MouseEvent e) {
                hover(target(e.getPoint()));
            }

            @Override
            public void mouseExited(MouseEvent e) {
                hover(null);
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
    }

    /** A thumbnail from the JPEG bytes a message carries; a placeholder if they are not a readable image. */
    public static ImageThumbnail ofJpeg(byte[] jpeg, int width, int height, TransferView transfer, Actions actions) {
        return new ImageThumbnail(decode(jpeg), width, height, transfer, actions);
    }

    /** Shows {@code thumbnail} (or, with null, the placeholder) in the same place and shape. */
    public void setImage(BufferedImage thumbnail) {
        image = thumbnail;
        rounded = null;
        repaint();
    }

    /** Decodes a message's JPEG thumbnail (some KB: fine on the event thread); null if unreadable. */
    static BufferedImage decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether it shows a picture rather than the placeholder. */
    public boolean hasImage() {
        return image != null;
    }

    /** What a click at {@code p} would do. */
    Target target(Point p) {
        TransferView.Phase phase = transfer.phase();
        if (phase != TransferView.Phase.TRANSFERRING && phase != TransferView.Phase.FAILED) {
            return Target.OPEN;
        }
        double r = buttonDiameter() / 2.0 + 4;
        double dx = p.x - getWidth() / 2.0;
        double dy = p.y - getHeight() / 2.0;
        if (dx * dx + dy * dy > r * r) {
            return Target.OPEN;
        }
        return phase == TransferView.Phase.TRANSFERRING ? Target.CANCEL : Target.RETRY;
    }

    private void click(Point p) {
        switch (target(p)) {
            case OPEN -> actions.open();
            case CANCEL -> actions.cancel();
            case RETRY -> actions.retry();
        }
    }

    private void hover(Target target) {
        Target shown = target == Target.OPEN ? null : target;
        if (shown != hovered) {
            hovered = shown;
            repaint();
        }
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        return switch (target(e.getPoint())) {
            case CANCEL -> I18n.tr("media.image.cancel");
            case RETRY -> transfer.reason().isBlank() ? I18n.tr("media.image.retry")
                    : transfer.reason() + " — " + I18n.tr("media.image.retry");
            case OPEN -> null;
        };
    }

    @Override
    public void addNotify() {
        super.addNotify();
        transfer.addChangeListener(listener);
    }

    @Override
    public void removeNotify() {
        transfer.removeChangeListener(listener);
        super.removeNotify();
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension(size);
    }

    @Override
    public Dimension getMinimumSize() {
        return getPreferredSize();
    }

    @Override
    public Dimension getMaximumSize() {
        return getPreferredSize();
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        int w = getWidth();
        int h = getHeight();
        RoundRectangle2D shape = new RoundRectangle2D.Double(0, 0, w, h, ARC, ARC);
        if (image != null) {
            g2.drawImage(rounded(g2.getTransform(), w, h), 0, 0, w, h, null);
        } else {
            ThumbnailOverlay.paintPlaceholder(g2, shape);
        }
        switch (transfer.phase()) {
            case TRANSFERRING -> ThumbnailOverlay.paintProgress(g2, shape, buttonDiameter(), transfer.fraction(),
                    hovered == Target.CANCEL);
            case FAILED -> ThumbnailOverlay.paintRetry(g2, shape, buttonDiameter(), hovered == Target.RETRY);
            default -> {
            }
        }
        // A hairline keeps a white picture from melting into a white background.
        g2.setColor(Theme.isDark() ? new Color(255, 255, 255, 30) : new Color(0, 0, 0, 30));
        g2.draw(new RoundRectangle2D.Double(0.5, 0.5, w - 1, h - 1, ARC, ARC));
        g2.dispose();
    }

    /**
     * The picture cropped to fill the shape, scaled to the screen's own pixels (two per unit on a
     * 200% screen) with its corners cut smoothly: a clip would leave them jagged. Kept until the
     * size or the picture changes.
     */
    private BufferedImage rounded(AffineTransform screen, int w, int h) {
        int pw = (int) Math.ceil(w * screen.getScaleX());
        int ph = (int) Math.ceil(h * screen.getScaleY());
        if (rounded != null && rounded.getWidth() == pw && rounded.getHeight() == ph) {
            return rounded;
        }
        double cover = Math.max((double) pw / image.getWidth(), (double) ph / image.getHeight());
        int cropW = Math.max(1, Math.min(image.getWidth(), (int) Math.round(pw / cover)));
        int cropH = Math.max(1, Math.min(image.getHeight(), (int) Math.round(ph / cover)));
        BufferedImage crop = image.getSubimage((image.getWidth() - cropW) / 2, (image.getHeight() - cropH) / 2,
                cropW, cropH);
        BufferedImage out = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB);
        Graphics2D o = out.createGraphics();
        o.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        o.fill(new RoundRectangle2D.Double(0, 0, pw, ph, ARC * screen.getScaleX(), ARC * screen.getScaleY()));
        o.setComposite(AlphaComposite.SrcIn);
        o.drawImage(Scaling.to(crop, pw, ph), 0, 0, null);
        o.dispose();
        rounded = out;
        return out;
    }

    /** The size of the cancel ring and the retry button: larger on larger pictures, within limits. */
    private int buttonDiameter() {
        return Math.max(28, Math.min(44, Math.min(getWidth(), getHeight()) * 2 / 5));
    }
}
