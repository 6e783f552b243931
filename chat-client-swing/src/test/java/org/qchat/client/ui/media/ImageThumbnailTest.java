package org.qchat.client.ui.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qchat.client.ui.Theme;

/** The thumbnail as a component, without a window. */
class ImageThumbnailTest {

    private static final Color SKY = new Color(0x40, 0x80, 0xC0);

    private final List<String> calls = new ArrayList<>();
    private final TransferView transfer = new TransferView();

    @BeforeAll
    static void lightTheme() {
        Edt.run(() -> Theme.apply("light"));
    }

    @Test
    void itHasTheOriginalsShapeAtMost240() {
        Edt.run(() -> {
            assertThat(thumbnail(filled(240, 180), 1600, 1200).getPreferredSize()).isEqualTo(new Dimension(240, 180));
            assertThat(thumbnail(filled(135, 240), 900, 1600).getPreferredSize()).isEqualTo(new Dimension(135, 240));
            assertThat(thumbnail(filled(100, 50), 0, 0).getPreferredSize())
                    .as("unknown original: the thumbnail's shape").isEqualTo(new Dimension(100, 50));
        });
    }

    @Test
    void withoutAThumbnailAPlaceholderOfTheRightShapeShows() {
        Edt.run(() -> {
            ImageThumbnail placeholder = thumbnail(null, 1280, 720);
            assertThat(placeholder.hasImage()).isFalse();
            assertThat(placeholder.getPreferredSize()).isEqualTo(new Dimension(240, 135));

            placeholder.setImage(filled(240, 135));
            assertThat(placeholder.hasImage()).isTrue();
            assertThat(placeholder.getPreferredSize()).isEqualTo(new Dimension(240, 135));
        });
    }

    @Test
    void aMessagesJpegBytesAreDecodedAndGarbageGivesThePlaceholder() {
        Edt.run(() -> {
            byte[] jpeg = MediaComponentsDemo.Samples.jpeg(filled(240, 180));
            assertThat(ImageThumbnail.ofJpeg(jpeg, 1600, 1200, transfer, recorder()).hasImage()).isTrue();
            assertThat(ImageThumbnail.ofJpeg(new byte[] {1, 2, 3}, 1600, 1200, transfer, recorder()).hasImage())
                    .isFalse();
            assertThat(ImageThumbnail.ofJpeg(null, 1600, 1200, transfer, recorder()).hasImage()).isFalse();
        });
    }

    @Test
    void aClickOpensUnlessItHitsCancelOrRetry() {
        Edt.run(() -> {
            ImageThumbnail t = onScreen(thumbnail(filled(240, 180), 1600, 1200));
            Point centre = new Point(120, 90);
            Point corner = new Point(10, 10);

            Mouse.click(t, centre.x, centre.y);
            transfer.setTransferring(0.3, 0);
            Mouse.click(t, centre.x, centre.y);
            Mouse.click(t, corner.x, corner.y);
            transfer.setFailed("Connection lost");
            Mouse.click(t, centre.x, centre.y);
            Mouse.click(t, corner.x, corner.y);

            assertThat(calls).containsExactly("open", "cancel", "open", "retry", "open");
        });
    }

    @Test
    void theTooltipSaysWhatTheButtonUnderThePointerDoes() {
        Edt.run(() -> {
            ImageThumbnail t = onScreen(thumbnail(filled(240, 180), 1600, 1200));
            transfer.setFailed("Connection lost");
            java.awt.event.MouseEvent overRetry = new java.awt.event.MouseEvent(t,
                    java.awt.event.MouseEvent.MOUSE_MOVED, 0, 0, 120, 90, 120, 90, 0, false, 0);
            assertThat(t.getToolTipText(overRetry)).isEqualTo("Connection lost — Retry");
        });
    }

    @Test
    void theCornersAreRoundAndThePictureFillsTheRest() {
        Edt.run(() -> {
            ImageThumbnail t = onScreen(thumbnail(filled(240, 180), 1600, 1200));

            BufferedImage shown = paint(t);

            assertThat(new Color(shown.getRGB(0, 0), true).getAlpha()).as("corner").isZero();
            assertThat(new Color(shown.getRGB(120, 90), true)).as("middle").isEqualTo(SKY);
            assertThat(new Color(shown.getRGB(120, 2), true)).as("top edge").isNotEqualTo(new Color(0, true));
        });
    }

    @Test
    void whileTransferringThePictureIsDimmedUnderTheRing() {
        Edt.run(() -> {
            ImageThumbnail t = onScreen(thumbnail(filled(240, 180), 1600, 1200));
            transfer.setTransferring(0.5, 0);

            BufferedImage shown = paint(t);

            Color dimmed = new Color(shown.getRGB(20, 90), true);
            assertThat(dimmed.getBlue()).isLessThan(SKY.getBlue());
            assertThat(dimmed.getAlpha()).isEqualTo(255);
        });
    }

    @Test
    void itListensToItsTransferOnlyWhileOnScreen() {
        Edt.run(() -> {
            ImageThumbnail t = onScreen(thumbnail(filled(240, 180), 1600, 1200));
            assertThat(transfer.listenerCount()).isEqualTo(1);
            t.removeNotify();
            assertThat(transfer.listenerCount()).isZero();
        });
    }

    private ImageThumbnail thumbnail(BufferedImage image, int width, int height) {
        return new ImageThumbnail(image, width, height, transfer, recorder());
    }

    private static ImageThumbnail onScreen(ImageThumbnail t) {
        t.addNotify();
        t.setSize(t.getPreferredSize());
        return t;
    }

    private static BufferedImage paint(ImageThumbnail t) {
        BufferedImage image = new BufferedImage(t.getWidth(), t.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        t.paint(g);
        g.dispose();
        return image;
    }

    private static BufferedImage filled(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(SKY);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    private ImageThumbnail.Actions recorder() {
        return new ImageThumbnail.Actions() {
            @Override
            public void open() {
                calls.add("open");
            }

            @Override
            public void cancel() {
                calls.add("cancel");
            }

            @Override
            public void retry() {
                calls.add("retry");
            }
        };
    }
}
