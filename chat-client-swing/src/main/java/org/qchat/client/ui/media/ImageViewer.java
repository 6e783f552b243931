package org.qchat.client.ui.media;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

import javax.imageio.ImageIO;
import javax.swing.AbstractAction;
import javax.swing.AbstractButton;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.UIManager;

import org.qchat.client.i18n.I18n;
import org.qchat.client.ui.ComponentNames;
import org.qchat.client.ui.Theme;

/**
 * A window showing a whole image: it opens fitted, zooms with the buttons, Ctrl+wheel and + / −,
 * goes to actual size with 1 and back to fit with 0 (or a double-click), pans by dragging, and
 * saves the original file's own bytes with "Save as…" (Ctrl+S). Esc closes it. The image is read
 * on a background thread; the window shows "Loading…" meanwhile.
 */
public final class ImageViewer extends JDialog {

    private final Path file;
    private final String name;
    private final JPanel centre = new JPanel(new BorderLayout());
    private final JLabel zoom = new JLabel("", SwingConstants.CENTER);
    private final JButton zoomOut = toolButton("−", ComponentNames.VIEWER_ZOOM_OUT,
            I18n.tr("media.viewer.zoomOut"));
    private final JButton zoomIn = toolButton("+", ComponentNames.VIEWER_ZOOM_IN,
            I18n.tr("media.viewer.zoomIn"));
    private final JToggleButton fit = new JToggleButton(I18n.tr("media.viewer.fit"));
    private final JToggleButton actual = new JToggleButton(I18n.tr("media.viewer.actual"));
    private final JButton saveAs = new JButton(I18n.tr("media.viewer.saveAs"));
    private ImageCanvas canvas;

    private ImageViewer(Window owner, Path file, String name) {
        super(owner, name, ModalityType.MODELESS);
        this.file = file;
        this.name = name;
        setName(ComponentNames.VIEWER);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);

        centre.setBackground(ImageCanvas.background());
        centre.add(message(I18n.tr("media.viewer.loading")), BorderLayout.CENTER);
        add(centre, BorderLayout.CENTER);
        add(toolbar(), BorderLayout.SOUTH);
        bindKeys();
        setZoomControlsEnabled(false);
    }

    /** Opens a viewer for the image in {@code imageFile}, titled {@code name}, over {@code parent}'s window. */
    public static void show(Component parent, Path imageFile, String name) {
        open(parent, imageFile, name);
    }

    static ImageViewer open(Component parent, Path imageFile, String name) {
        Window owner = parent == null ? null
                : parent instanceof Window w ? w : SwingUtilities.getWindowAncestor(parent);
        ImageViewer viewer = new ImageViewer(owner, imageFile, name);
        viewer.setSize(new Dimension(720, 540));
        viewer.setLocationRelativeTo(parent);
        viewer.setVisible(true);
        viewer.load();
        return viewer;
    }

    private JPanel toolbar() {
        zoomOut.addActionListener(e -> canvas.zoomOut());
        zoomIn.addActionListener(e -> canvas.zoomIn());
        zoom.setName(ComponentNames.VIEWER_ZOOM);
        // Wide enough for the widest value, so the buttons beside it do not shift as it changes.
        zoom.setText(Math.round(Viewport.MAX_SCALE * 100) + "%");
        zoom.setPreferredSize(new Dimension(zoom.getPreferredSize().width + 8, zoom.getPreferredSize().height));
        zoom.setText("");
        fit.setName(ComponentNames.VIEWER_FIT);
        fit.setToolTipText(I18n.tr("media.viewer.fit.tooltip"));
        fit.addActionListener(e -> canvas.fit());
        actual.setName(ComponentNames.VIEWER_ACTUAL);
        actual.setToolTipText(I18n.tr("media.viewer.actual.tooltip"));
        actual.addActionListener(e -> canvas.actualSize());
        for (AbstractButton b : new AbstractButton[] {fit, actual}) {
            b.putClientProperty("JButton.buttonType", "toolBarButton");
            b.setFocusable(false);
        }
        saveAs.setName(ComponentNames.VIEWER_SAVE_AS);
        saveAs.setFocusable(false);
        saveAs.addActionListener(e -> SaveAs.copy(this, file, name));

        JPanel zoomGroup = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        zoomGroup.setOpaque(false);
        zoomGroup.add(zoomOut);
        zoomGroup.add(zoom);
        zoomGroup.add(zoomIn);
        zoomGroup.add(Box.createHorizontalStrut(12));
        zoomGroup.add(fit);
        zoomGroup.add(actual);
        JPanel bar = new JPanel(new BorderLayout());
        bar.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(6, 8, 6, 10)));
        bar.add(zoomGroup, BorderLayout.WEST);
        bar.add(saveAs, BorderLayout.EAST);
        return bar;
    }

    private static JButton toolButton(String text, String name, String tooltip) {
        JButton b = new JButton(text);
        b.setName(name);
        b.setToolTipText(tooltip);
        b.putClientProperty("JButton.buttonType", "toolBarButton");
        b.setFont(b.getFont().deriveFont(b.getFont().getSize2D() + 3f));
        b.setFocusable(false);
        return b;
    }

    private static JLabel message(String text) {
        JLabel label = new JLabel(text, SwingConstants.CENTER);
        label.setForeground(Theme.secondaryText());
        return label;
    }

    private void bindKeys() {
        JComponent root = getRootPane();
        key(root, "close", this::dispose, KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0));
        whenShown(root, "zoomIn", () -> canvas.zoomIn(), KeyEvent.VK_PLUS, KeyEvent.VK_EQUALS, KeyEvent.VK_ADD);
        whenShown(root, "zoomOut", () -> canvas.zoomOut(), KeyEvent.VK_MINUS, KeyEvent.VK_SUBTRACT);
        whenShown(root, "fit", () -> canvas.fit(), KeyEvent.VK_0, KeyEvent.VK_NUMPAD0);
        whenShown(root, "actual", () -> canvas.actualSize(), KeyEvent.VK_1, KeyEvent.VK_NUMPAD1);
        key(root, "saveAs", () -> SaveAs.copy(this, file, name),
                KeyStroke.getKeyStroke(KeyEvent.VK_S, InputEvent.CTRL_DOWN_MASK),
                KeyStroke.getKeyStroke(KeyEvent.VK_S, InputEvent.META_DOWN_MASK));
    }

    /** Binds the keys with and without Ctrl (people reach for Ctrl+= as in browsers); inert until the image is in. */
    private void whenShown(JComponent root, String action, Runnable run, int... keys) {
        for (int key : keys) {
            key(root, action, () -> {
                if (canvas != null) {
                    run.run();
                }
            }, KeyStroke.getKeyStroke(key, 0), KeyStroke.getKeyStroke(key, InputEvent.CTRL_DOWN_MASK),
                    KeyStroke.getKeyStroke(key, InputEvent.SHIFT_DOWN_MASK));
        }
    }

    private static void key(JComponent root, String action, Runnable run, KeyStroke... strokes) {
        for (KeyStroke stroke : strokes) {
            root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(stroke, action);
        }
        root.getActionMap().put(action, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                run.run();
            }
        });
    }

    private void load() {
        new SwingWorker<BufferedImage, Void>() {
            @Override
            protected BufferedImage doInBackground() throws IOException {
                return ImageIO.read(file.toFile());
            }

            @Override
            protected void done() {
                try {
                    display(get());
                } catch (InterruptedException | ExecutionException e) {
                    display(null);
                }
            }
        }.execute();
    }

    /** Puts the image in (null: it could not be read) and sizes the window to it, within the screen. */
    private void display(BufferedImage image) {
        if (!isDisplayable()) {
            return; // closed while the image was being read
        }
        centre.removeAll();
        if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
            centre.add(message(I18n.tr("media.viewer.unreadable")), BorderLayout.CENTER);
        } else {
            double pixelsPerUnit = pixelsPerUnit();
            canvas = new ImageCanvas(image, pixelsPerUnit, this::refreshControls);
            centre.add(canvas, BorderLayout.CENTER);
            setZoomControlsEnabled(true);
            sizeTo((int) Math.ceil(image.getWidth() / pixelsPerUnit),
                    (int) Math.ceil(image.getHeight() / pixelsPerUnit));
        }
        centre.revalidate();
        centre.repaint();
    }

    private double pixelsPerUnit() {
        GraphicsConfiguration gc = getGraphicsConfiguration();
        return gc == null ? 1 : Math.max(1, gc.getDefaultTransform().getScaleX());
    }

    /** As large as the image at actual size, but at most 85% of the screen and at least a usable toolbar's width. */
    private void sizeTo(int imageWidth, int imageHeight) {
        GraphicsConfiguration gc = getGraphicsConfiguration();
        Rectangle screen = gc != null ? gc.getBounds()
                : GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        Dimension chrome = new Dimension(getWidth() - centre.getWidth(), getHeight() - centre.getHeight());
        int width = Math.max(480, Math.min(imageWidth + chrome.width, (int) (screen.width * 0.85)));
        int height = Math.max(360, Math.min(imageHeight + chrome.height, (int) (screen.height * 0.85)));
        // Grow or shrink about the same centre, then keep the whole window on the screen.
        int x = getX() + (getWidth() - width) / 2;
        int y = getY() + (getHeight() - height) / 2;
        setBounds(Math.max(screen.x, Math.min(x, screen.x + screen.width - width)),
                Math.max(screen.y, Math.min(y, screen.y + screen.height - height)), width, height);
    }

    private void refreshControls() {
        Viewport v = canvas.viewport();
        zoom.setText(Math.round(v.scale() * 100) + "%");
        fit.setSelected(v.isFitted());
        actual.setSelected(Math.abs(v.scale() - 1) < 1e-9);
        zoomIn.setEnabled(v.scale() < Viewport.MAX_SCALE);
        zoomOut.setEnabled(v.scale() > Viewport.MIN_SCALE);
    }

    private void setZoomControlsEnabled(boolean enabled) {
        for (JComponent c : new JComponent[] {zoomOut, zoomIn, fit, actual}) {
            c.setEnabled(enabled);
        }
    }

    /** The canvas once the image is in, else null; for tests. */
    ImageCanvas canvas() {
        return canvas;
    }
}
