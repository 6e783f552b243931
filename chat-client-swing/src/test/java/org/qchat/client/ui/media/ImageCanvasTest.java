package org.qchat.client.ui.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.event.MouseWheelListener;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qchat.client.ui.Theme;

/** The viewer's image area without its window: the mouse zooms and pans it. */
class ImageCanvasTest {

    private final AtomicInteger changes = new AtomicInteger();

    @BeforeAll
    static void lightTheme() {
        Edt.run(() -> Theme.apply("light"));
    }

    @Test
    void itOpensFittedAndCtrlWheelZoomsAroundThePointer() {
        Edt.run(() -> {
            ImageCanvas canvas = canvas(2000, 1000, 1);
            assertThat(canvas.viewport().isFitted()).isTrue();
            assertThat(canvas.viewport().scale()).isCloseTo(0.4, within(1e-9));
            int before = changes.get();

            wheel(canvas, 600, 250, -1, InputEvent.CTRL_DOWN_MASK);

            assertThat(canvas.viewport().scale()).isCloseTo(0.4 * Viewport.STEP, within(1e-9));
            assertThat(changes.get()).as("the toolbar hears of it").isGreaterThan(before);
        });
    }

    @Test
    void aPlainWheelScrollsAndDoesNotZoom() {
        Edt.run(() -> {
            ImageCanvas canvas = canvas(2000, 1000, 1);
            canvas.actualSize();
            double y = canvas.viewport().y();

            wheel(canvas, 400, 250, 1, 0);

            assertThat(canvas.viewport().scale()).isEqualTo(1);
            assertThat(canvas.viewport().y()).isLessThan(y);
        });
    }

    @Test
    void draggingPansOnlyWhenThereIsSomethingToPan() {
        Edt.run(() -> {
            ImageCanvas canvas = canvas(2000, 1000, 1);
            double x = canvas.viewport().x();
            Mouse.drag(canvas, 400, 250, 300, 250);
            assertThat(canvas.viewport().x()).isEqualTo(x);

            canvas.zoomIn();
            canvas.zoomIn();
            x = canvas.viewport().x();
            Mouse.drag(canvas, 400, 250, 300, 250);
            assertThat(canvas.viewport().x()).isCloseTo(x - 100, within(1e-9));
        });
    }

    @Test
    void aDoubleClickSwitchesBetweenFitAndActualSize() {
        Edt.run(() -> {
            ImageCanvas canvas = canvas(2000, 1000, 1);
            doubleClick(canvas);
            assertThat(canvas.viewport().scale()).isEqualTo(1);
            doubleClick(canvas);
            assertThat(canvas.viewport().isFitted()).isTrue();
        });
    }

    @Test
    void onA200PercentScreenActualSizeIsOneImagePixelPerScreenPixel() {
        Edt.run(() -> {
            ImageCanvas canvas = canvas(2000, 1000, 2);
            canvas.actualSize();
            assertThat(canvas.viewport().shownWidth()).isEqualTo(1000);
        });
    }

    @Test
    void resizingTheWindowRefitsAFittedImage() {
        Edt.run(() -> {
            ImageCanvas canvas = canvas(2000, 1000, 1);
            canvas.setSize(400, 400);
            assertThat(canvas.viewport().scale()).isCloseTo(0.2, within(1e-9));
        });
    }

    @Test
    void aFarZoomedOutImageIsDrawnFromAHalvedCopyAndStillShowsItsColours() {
        Edt.run(() -> {
            BufferedImage image = new BufferedImage(4000, 2000, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.ORANGE);
            g.fillRect(0, 0, 4000, 2000);
            g.dispose();
            ImageCanvas canvas = new ImageCanvas(image, 1, changes::incrementAndGet);
            canvas.setSize(400, 300);

            BufferedImage shown = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
            Graphics2D sg = shown.createGraphics();
            canvas.paint(sg);
            sg.dispose();

            assertThat(new Color(shown.getRGB(200, 150))).isEqualTo(Color.ORANGE);
            assertThat(new Color(shown.getRGB(200, 10))).as("above the image").isEqualTo(ImageCanvas.background());
        });
    }

    private ImageCanvas canvas(int w, int h, double pixelsPerUnit) {
        ImageCanvas canvas = new ImageCanvas(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), pixelsPerUnit,
                changes::incrementAndGet);
        canvas.setSize(800, 500);
        return canvas;
    }

    private static void wheel(ImageCanvas canvas, int x, int y, int notches, int modifiers) {
        MouseWheelEvent e = new MouseWheelEvent(canvas, MouseEvent.MOUSE_WHEEL, 0, modifiers, x, y, x, y, 0, false,
                MouseWheelEvent.WHEEL_UNIT_SCROLL, 3, notches, notches);
        for (MouseWheelListener l : canvas.getMouseWheelListeners()) {
            l.mouseWheelMoved(e);
        }
    }

    private static void doubleClick(ImageCanvas canvas) {
        for (java.awt.event.MouseListener l : canvas.getMouseListeners()) {
            l.mouseClicked(new MouseEvent(canvas, MouseEvent.MOUSE_CLICKED, 0, 0, 400, 250, 400, 250, 2, false,
                    MouseEvent.BUTTON1));
        }
    }
}
