package org.qchat.client.ui.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.ui.Theme;

/** The screenshot's surface without its window: what the mouse selects, and what confirms or cancels. */
class CapturePanelTest {

    private static final Color SCREEN = new Color(0xC0, 0xD0, 0xE0);

    private final List<String> calls = new ArrayList<>();
    private CapturePanel panel;

    @BeforeAll
    static void lightTheme() {
        Edt.run(() -> Theme.apply("light"));
    }

    @BeforeEach
    void aFrozenScreen() {
        // A 400×300 unit screen at 200%.
        ScreenGrab grab = ScreenGrab.compose(List.of(new ScreenGrab.Shot(new Rectangle(0, 0, 400, 300),
                ScreenGrabTest.filled(800, 600, SCREEN))));
        panel = Edt.call(() -> {
            CapturePanel p = new CapturePanel(grab, () -> calls.add("confirm"), () -> calls.add("cancel"));
            p.setSize(p.getPreferredSize());
            return p;
        });
    }

    @Test
    void draggingSelectsAndShowsDoneAndCancelUnderTheSelection() {
        Edt.run(() -> {
            Mouse.drag(panel, 250, 200, 50, 40);

            assertThat(panel.selection()).isEqualTo(new Rectangle(50, 40, 200, 160));
            assertThat(panel.actions().isVisible()).isTrue();
            assertThat(panel.actions().getY()).isGreaterThan(200);
        });
    }

    @Test
    void draggingInsideTheSelectionMovesItButNotOffTheScreen() {
        Edt.run(() -> {
            Mouse.drag(panel, 50, 40, 250, 200);
            Mouse.drag(panel, 100, 100, 130, 90);
            assertThat(panel.selection()).isEqualTo(new Rectangle(80, 30, 200, 160));

            Mouse.drag(panel, 100, 100, 900, 900);
            assertThat(panel.selection()).isEqualTo(new Rectangle(200, 140, 200, 160));
        });
    }

    @Test
    void aStrayClickOutsideKeepsTheSelectionAndANewDragReplacesIt() {
        Edt.run(() -> {
            Mouse.drag(panel, 50, 40, 250, 200);
            Mouse.click(panel, 350, 280);
            assertThat(panel.selection()).isEqualTo(new Rectangle(50, 40, 200, 160));

            Mouse.drag(panel, 300, 220, 390, 290);
            assertThat(panel.selection()).isEqualTo(new Rectangle(300, 220, 90, 70));
        });
    }

    @Test
    void aDoubleClickInsideTheSelectionConfirms() {
        Edt.run(() -> {
            Mouse.drag(panel, 50, 40, 250, 200);
            Mouse.press(panel, 100, 100, 2, MouseEvent.BUTTON1);
            assertThat(calls).containsExactly("confirm");
        });
    }

    @Test
    void nothingSelectedMeansNothingToConfirm() {
        Edt.run(() -> {
            panel.confirm();
            Mouse.press(panel, 100, 100, 2, MouseEvent.BUTTON1);
            assertThat(calls).isEmpty();
        });
    }

    @Test
    void aRightClickCancels() {
        Edt.run(() -> {
            Mouse.drag(panel, 50, 40, 250, 200);
            Mouse.press(panel, 100, 100, 1, MouseEvent.BUTTON3);
            assertThat(calls).containsExactly("cancel");
        });
    }

    @Test
    void theArrowKeysNudgeTheSelectionWithinTheScreen() {
        Edt.run(() -> {
            panel.setSelection(new Rectangle(0, 0, 100, 100));
            panel.nudge(-10, 5);
            assertThat(panel.selection()).isEqualTo(new Rectangle(0, 5, 100, 100));
            panel.nudge(1, 0);
            assertThat(panel.selection()).isEqualTo(new Rectangle(1, 5, 100, 100));
        });
    }

    @Test
    void theScreenIsDimmedExceptInsideTheSelection() {
        Edt.run(() -> {
            panel.setSelection(new Rectangle(100, 100, 100, 80));
            BufferedImage shown = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = shown.createGraphics();
            panel.paint(g);
            g.dispose();

            assertThat(new Color(shown.getRGB(150, 140))).isEqualTo(SCREEN);
            Color outside = new Color(shown.getRGB(300, 250));
            assertThat(outside.getRed()).isLessThan(SCREEN.getRed() * 2 / 3);
        });
    }
}
