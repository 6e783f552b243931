package org.qchat.client.ui.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ViewportTest {

    private static final double EPS = 1e-9;

    @Test
    void aLargeImageOpensFittedAndCentred() {
        Viewport v = new Viewport(4000, 3000);
        v.setView(800, 800);

        assertThat(v.isFitted()).isTrue();
        assertThat(v.scale()).isCloseTo(0.2, within(EPS));
        assertThat(v.shownWidth()).isCloseTo(800, within(EPS));
        assertThat(v.shownHeight()).isCloseTo(600, within(EPS));
        assertThat(v.x()).isCloseTo(0, within(EPS));
        assertThat(v.y()).isCloseTo(100, within(EPS));
        assertThat(v.canPan()).isFalse();
    }

    @Test
    void fitNeverEnlargesASmallImage() {
        Viewport v = new Viewport(200, 100);
        v.setView(800, 600);

        assertThat(v.scale()).isEqualTo(1);
        assertThat(v.x()).isCloseTo(300, within(EPS));
        assertThat(v.y()).isCloseTo(250, within(EPS));
    }

    @Test
    void zoomingKeepsThePointUnderThePointerWhereItIs() {
        Viewport v = new Viewport(4000, 3000);
        v.setView(800, 600);
        double anchorX = 600;
        double anchorY = 150;
        double imageX = (anchorX - v.x()) / v.scale();
        double imageY = (anchorY - v.y()) / v.scale();

        v.zoomBy(Viewport.STEP * Viewport.STEP, anchorX, anchorY);

        assertThat(v.isFitted()).isFalse();
        assertThat(v.scale()).isCloseTo(0.2 * 1.5625, within(EPS));
        assertThat(v.x() + imageX * v.scale()).isCloseTo(anchorX, within(EPS));
        assertThat(v.y() + imageY * v.scale()).isCloseTo(anchorY, within(EPS));
    }

    @Test
    void zoomingInAndOutAgainReturnsToTheSameScale() {
        Viewport v = new Viewport(4000, 3000);
        v.setView(800, 600);
        for (int i = 0; i < 5; i++) {
            v.zoomBy(Viewport.STEP, 400, 300);
        }
        for (int i = 0; i < 5; i++) {
            v.zoomBy(1 / Viewport.STEP, 400, 300);
        }
        assertThat(v.scale()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void zoomStopsAtItsLimits() {
        Viewport v = new Viewport(100, 100);
        v.setView(400, 400);
        v.zoomTo(1000, 0, 0);
        assertThat(v.scale()).isEqualTo(Viewport.MAX_SCALE);
        v.zoomTo(0.0001, 0, 0);
        assertThat(v.scale()).isEqualTo(Viewport.MIN_SCALE);
    }

    @Test
    void panningStopsAtTheImageEdgesWithNoGap() {
        Viewport v = new Viewport(2000, 1000);
        v.setView(500, 400);
        v.actualSize();
        assertThat(v.canPan()).isTrue();

        v.panBy(10_000, 10_000);
        assertThat(v.x()).isCloseTo(0, within(EPS));
        assertThat(v.y()).isCloseTo(0, within(EPS));

        v.panBy(-10_000, -10_000);
        assertThat(v.x()).isCloseTo(500 - 2000, within(EPS));
        assertThat(v.y()).isCloseTo(400 - 1000, within(EPS));
    }

    @Test
    void anAxisOnWhichTheImageIsSmallerStaysCentredWhilePanning() {
        Viewport v = new Viewport(2000, 200);
        v.setView(500, 400);
        v.actualSize();

        v.panBy(-300, -300);

        assertThat(v.x()).isCloseTo(250 - 1000 - 300, within(EPS));
        assertThat(v.y()).isCloseTo(100, within(EPS));
    }

    @Test
    void actualSizeZoomsAroundTheCentreOfTheWindow() {
        Viewport v = new Viewport(4000, 3000);
        v.setView(800, 600);

        v.actualSize();

        assertThat(v.scale()).isEqualTo(1);
        assertThat(v.x()).isCloseTo(400 - 2000, within(EPS));
        assertThat(v.y()).isCloseTo(300 - 1500, within(EPS));
    }

    @Test
    void aFittedImageFitsAgainWhenTheWindowChangesAndAZoomedOneKeepsItsScale() {
        Viewport v = new Viewport(4000, 3000);
        v.setView(800, 600);
        v.setView(400, 300);
        assertThat(v.scale()).isCloseTo(0.1, within(EPS));

        v.zoomBy(2, 200, 150);
        v.setView(1600, 1200);
        assertThat(v.scale()).isCloseTo(0.2, within(EPS));
        assertThat(v.isFitted()).isFalse();

        v.fit();
        assertThat(v.isFitted()).isTrue();
        assertThat(v.scale()).isCloseTo(0.4, within(EPS));
    }
}
