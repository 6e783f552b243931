package org.qchat.client.ui.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.RootPaneContainer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.client.testing.Environment;
import org.qchat.client.ui.ComponentNames;
import org.qchat.client.ui.Theme;

/**
 * The image viewer and the screenshot window as real windows. Needs a display (Xvfb in CI):
 * skipped without one, or failed under {@code QCHAT_REQUIRE_ALL=1}. Keys go through the windows'
 * own key bindings, so that no test depends on which window the desktop gave the focus to.
 */
class MediaWindowsTest {

    private static final Duration LOAD = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @BeforeEach
    void display() {
        Environment.requireDisplay();
        Edt.run(() -> Theme.apply("light"));
    }

    @AfterEach
    void closeOurWindows() {
        Edt.run(() -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof ImageViewer || w instanceof CaptureOverlay) {
                    w.dispose();
                }
            }
        });
    }

    @Test
    void theViewerOpensFittedZoomsAndClosesWithEscape() throws IOException {
        Path file = dir.resolve("photo.png");
        ImageIO.write(new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB), "png", file.toFile());

        ImageViewer viewer = Edt.call(() -> ImageViewer.open(null, file, "photo.png"));
        await().atMost(LOAD).until(() -> Edt.call(() -> viewer.canvas() != null));

        Edt.run(() -> {
            assertThat(viewer.getTitle()).isEqualTo("photo.png");
            Viewport v = viewer.canvas().viewport();
            JLabel zoom = Finder.named(viewer, ComponentNames.VIEWER_ZOOM, JLabel.class);
            JToggleButton fit = Finder.named(viewer, ComponentNames.VIEWER_FIT, JToggleButton.class);
            JToggleButton actual = Finder.named(viewer, ComponentNames.VIEWER_ACTUAL, JToggleButton.class);
            assertThat(v.isFitted()).isTrue();
            assertThat(v.scale()).isLessThan(1);
            assertThat(zoom.getText()).isEqualTo(Math.round(v.scale() * 100) + "%");
            assertThat(fit.isSelected()).isTrue();

            double fitted = v.scale();
            Finder.named(viewer, ComponentNames.VIEWER_ZOOM_IN, JButton.class).doClick();
            assertThat(v.scale()).isGreaterThan(fitted);
            assertThat(fit.isSelected()).isFalse();

            actual.doClick();
            assertThat(v.scale()).isEqualTo(1);
            assertThat(actual.isSelected()).isTrue();
            assertThat(zoom.getText()).isEqualTo("100%");

            press(viewer, KeyStroke.getKeyStroke(KeyEvent.VK_MINUS, 0));
            assertThat(v.scale()).isLessThan(1);
            press(viewer, KeyStroke.getKeyStroke(KeyEvent.VK_0, 0));
            assertThat(v.isFitted()).isTrue();
            press(viewer, KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0));
            assertThat(viewer.isDisplayable()).isFalse();
        });
    }

    @Test
    void theViewerSaysSoWhenTheFileIsNoImage() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-picture.png"), "hello");

        ImageViewer viewer = Edt.call(() -> ImageViewer.open(null, file, "not-a-picture.png"));

        await().atMost(LOAD).until(() -> Edt.call(() -> labelTexts(viewer).contains("This image cannot be shown.")));
        Edt.run(() -> {
            assertThat(viewer.canvas()).isNull();
            assertThat(Finder.named(viewer, ComponentNames.VIEWER_ZOOM_IN, JButton.class).isEnabled()).isFalse();
            assertThat(Finder.named(viewer, ComponentNames.VIEWER_SAVE_AS, JButton.class).isEnabled()).isTrue();
        });
    }

    @Test
    void enterHandsOverTheSelectedPixelsAtTheScreensDensity() {
        // Left half red, right half blue, at 200%.
        BufferedImage pixels = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = pixels.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 400, 600);
        g.setColor(Color.BLUE);
        g.fillRect(400, 0, 400, 600);
        g.dispose();
        ScreenGrab grab = ScreenGrab.compose(List.of(new ScreenGrab.Shot(new Rectangle(0, 0, 400, 300), pixels)));
        AtomicReference<BufferedImage> captured = new AtomicReference<>();

        Edt.run(() -> {
            CaptureOverlay overlay = ScreenCapture.show(null, grab, captured::set);
            assertThat(overlay.isUndecorated()).isTrue();
            assertThat(overlay.getBounds()).isEqualTo(grab.bounds());

            overlay.panel().setSelection(new Rectangle(210, 20, 100, 50));
            press(overlay, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0));

            assertThat(overlay.isDisplayable()).isFalse();
            assertThat(captured.get().getWidth()).isEqualTo(200);
            assertThat(captured.get().getHeight()).isEqualTo(100);
            assertThat(captured.get().getRGB(100, 50)).isEqualTo(Color.BLUE.getRGB());
        });
    }

    @Test
    void escapeClosesTheScreenshotAndHandsOverNothing() {
        ScreenGrab grab = ScreenGrab.compose(List.of(new ScreenGrab.Shot(new Rectangle(0, 0, 400, 300),
                new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB))));
        AtomicReference<BufferedImage> captured = new AtomicReference<>();

        Edt.run(() -> {
            CaptureOverlay overlay = ScreenCapture.show(null, grab, captured::set);
            overlay.panel().setSelection(new Rectangle(10, 10, 100, 50));
            press(overlay, KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0));

            assertThat(overlay.isDisplayable()).isFalse();
            assertThat(captured.get()).isNull();
        });
    }

    @Test
    void aRealScreenshotCoversEveryScreenAndKeepsItsPixels() {
        AtomicReference<BufferedImage> captured = new AtomicReference<>();
        Edt.run(() -> ScreenCapture.start(null, captured::set));

        await().atMost(LOAD).until(() -> Edt.call(() -> overlay().isPresent()));

        Edt.run(() -> {
            CaptureOverlay overlay = overlay().orElseThrow();
            Rectangle screens = new Rectangle();
            for (GraphicsDevice d : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
                screens = screens.isEmpty() ? d.getDefaultConfiguration().getBounds()
                        : screens.union(d.getDefaultConfiguration().getBounds());
            }
            assertThat(overlay.getBounds()).isEqualTo(screens);

            ScreenCapture.start(null, image -> captured.set(null));
            assertThat(overlay().isPresent()).as("a second start while one is open does nothing").isTrue();

            overlay.panel().setSelection(new Rectangle(0, 0, 64, 48));
            press(overlay, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0));
            double scale = overlay.getGraphicsConfiguration().getDefaultTransform().getScaleX();
            assertThat(captured.get().getWidth()).isEqualTo((int) Math.ceil(64 * scale));
            assertThat(captured.get().getHeight()).isEqualTo((int) Math.ceil(48 * scale));
        });
    }

    private static Optional<CaptureOverlay> overlay() {
        return Arrays.stream(Window.getWindows())
                .filter(w -> w instanceof CaptureOverlay && w.isVisible())
                .map(CaptureOverlay.class::cast)
                .findFirst();
    }

    /** Does what the key does in that window: runs the action its root pane binds to it. */
    private static void press(RootPaneContainer window, KeyStroke key) {
        JComponent root = window.getRootPane();
        Object action = root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).get(key);
        assertThat(action).as("a binding for %s", key).isNotNull();
        root.getActionMap().get(action).actionPerformed(new ActionEvent(root, ActionEvent.ACTION_PERFORMED, null));
    }

    private static List<String> labelTexts(java.awt.Container root) {
        List<String> texts = new java.util.ArrayList<>();
        for (java.awt.Component c : root.getComponents()) {
            if (c instanceof JLabel label) {
                texts.add(label.getText());
            }
            if (c instanceof java.awt.Container inner) {
                texts.addAll(labelTexts(inner));
            }
        }
        return texts;
    }
}
