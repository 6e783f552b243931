package org.qchat.client.ui.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.Rectangle;

import org.junit.jupiter.api.Test;

class SelectionTest {

    private static final Rectangle SCREEN = new Rectangle(0, 0, 1000, 800);

    @Test
    void aDragGivesTheSameRectangleWhicheverWayTheMouseWent() {
        Rectangle expected = new Rectangle(100, 50, 200, 150);
        assertThat(Selection.between(new Point(100, 50), new Point(300, 200), SCREEN)).isEqualTo(expected);
        assertThat(Selection.between(new Point(300, 200), new Point(100, 50), SCREEN)).isEqualTo(expected);
        assertThat(Selection.between(new Point(300, 50), new Point(100, 200), SCREEN)).isEqualTo(expected);
        assertThat(Selection.between(new Point(100, 200), new Point(300, 50), SCREEN)).isEqualTo(expected);
    }

    @Test
    void aDragPastTheEdgeStopsAtTheEdge() {
        assertThat(Selection.between(new Point(900, 700), new Point(1200, 1000), SCREEN))
                .isEqualTo(new Rectangle(900, 700, 100, 100));
        assertThat(Selection.between(new Point(50, 60), new Point(-30, -40), SCREEN))
                .isEqualTo(new Rectangle(0, 0, 50, 60));
    }

    @Test
    void aClickWithoutADragSelectsNothing() {
        assertThat(Selection.between(new Point(10, 10), new Point(10, 10), SCREEN).isEmpty()).isTrue();
        assertThat(Selection.between(new Point(10, 10), new Point(90, 10), SCREEN).isEmpty()).isTrue();
    }

    @Test
    void boundsNeedNotStartAtZero() {
        Rectangle secondScreen = new Rectangle(-1920, 0, 1920, 1080);
        assertThat(Selection.between(new Point(-2000, 10), new Point(-1800, 50), secondScreen))
                .isEqualTo(new Rectangle(-1920, 10, 120, 40));
    }

    @Test
    void aMovedSelectionKeepsItsSizeAndStaysWhole() {
        Rectangle selection = new Rectangle(100, 100, 200, 100);
        assertThat(Selection.moved(selection, 50, -20, SCREEN)).isEqualTo(new Rectangle(150, 80, 200, 100));
        assertThat(Selection.moved(selection, 5000, 5000, SCREEN)).isEqualTo(new Rectangle(800, 700, 200, 100));
        assertThat(Selection.moved(selection, -5000, -5000, SCREEN)).isEqualTo(new Rectangle(0, 0, 200, 100));
    }

    @Test
    void onAHiDpiScreenASelectionCoversMorePixelsThanUnits() {
        assertThat(Selection.toPixels(new Rectangle(10, 20, 100, 50), 2, 2000, 1600))
                .isEqualTo(new Rectangle(20, 40, 200, 100));
        assertThat(Selection.toPixels(new Rectangle(10, 20, 100, 50), 1, 1000, 800))
                .isEqualTo(new Rectangle(10, 20, 100, 50));
    }

    @Test
    void atAFractionalScaleEdgesRoundOutwardsSoNoPartlyCoveredPixelIsLost() {
        // 1.5: units 1..3 cover pixels 1.5..4.5, so pixels 1 to 4 inclusive.
        assertThat(Selection.toPixels(new Rectangle(1, 0, 2, 2), 1.5, 100, 100))
                .isEqualTo(new Rectangle(1, 0, 4, 3));
    }

    @Test
    void pixelsNeverFallOutsideTheImage() {
        assertThat(Selection.toPixels(new Rectangle(990, 790, 10, 10), 1.25, 1250, 1000))
                .isEqualTo(new Rectangle(1237, 987, 13, 13));
        assertThat(Selection.toPixels(new Rectangle(995, 795, 50, 50), 1.25, 1250, 1000))
                .isEqualTo(new Rectangle(1243, 993, 7, 7));
    }
}
