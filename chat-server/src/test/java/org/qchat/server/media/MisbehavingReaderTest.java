package org.qchat.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MediaInspector} with decoders that go wrong the ways crafted files make real ones go wrong:
 * throwing runtime exceptions and errors, reporting absurd sizes, holding a million frames. None of
 * that may escape as anything but "not an image"; a failing disk, though, is reported as such.
 */
class MisbehavingReaderTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void pictureFile() throws IOException {
        file = Files.write(dir.resolve("any.png"), TestPictures.png(10, 10, 8, 2, TestPictures.zlib(new byte[310])));
    }

    @Test
    void anOutOfMemoryErrorWhileDecodingMeansNotAnImage() throws Exception {
        ScriptedReader reader = new ScriptedReader(100, 100);
        reader.onRead = () -> {
            throw new OutOfMemoryError("Java heap space");
        };

        assertThat(inspectWith(reader)).isEqualTo(MediaFacts.notAnImage("image/png"));
    }

    @Test
    void aStackOverflowWhileDecodingMeansNotAnImage() throws Exception {
        ScriptedReader reader = new ScriptedReader(100, 100);
        reader.onRead = () -> {
            throw new StackOverflowError();
        };

        assertThat(inspectWith(reader)).isEqualTo(MediaFacts.notAnImage("image/png"));
    }

    @Test
    void runtimeExceptionsAnywhereInTheReaderMeanNotAnImage() throws Exception {
        ScriptedReader reader = new ScriptedReader(100, 100);
        reader.onRead = () -> {
            throw new ArrayIndexOutOfBoundsException(-1);
        };
        assertThat(inspectWith(reader).image()).isFalse();

        ScriptedReader atTheHeader = new ScriptedReader(100, 100);
        atTheHeader.onSize = () -> {
            throw new NegativeArraySizeException("-4");
        };
        assertThat(inspectWith(atTheHeader).image()).isFalse();
    }

    @Test
    void absurdSizesAreRefusedBeforeAnyPixelIsAskedFor() throws Exception {
        int[][] sizes = {{Integer.MAX_VALUE, Integer.MAX_VALUE}, {-1, 100}, {100, 0}, {7_072, 7_072}, {65_536, 1}};
        for (int[] size : sizes) {
            ScriptedReader reader = new ScriptedReader(size[0], size[1]);
            reader.onRead = () -> {
                throw new AssertionError("decoded a picture claiming " + size[0] + " x " + size[1]);
            };

            assertThat(inspectWith(reader).image()).isFalse();
        }
    }

    @Test
    void onlyTheFirstOfAMillionFramesIsRead() throws Exception {
        ScriptedReader reader = new ScriptedReader(100, 50);

        MediaFacts facts = inspectWith(reader);

        assertThat(facts.image()).isTrue();
        assertThat(facts.width()).isEqualTo(100);
        assertThat(reader.framesAsked).containsOnly(0);
        assertThat(reader.countedFrames).isFalse();
    }

    @Test
    void aFailingReadOfTheFileItselfIsThrownNotHiddenAsNotAnImage() {
        ScriptedReader reader = new ScriptedReader(100, 100);
        reader.onRead = () -> {
            ImageInputStream input = (ImageInputStream) reader.getInput();
            try {
                input.close();
                input.read();
            } catch (IOException e) {
                throw new IllegalStateException("the decoder wraps it in something of its own", e);
            }
        };

        assertThatThrownBy(() -> inspectWith(reader)).isInstanceOf(IOException.class).hasMessage("closed");
    }

    private MediaFacts inspectWith(ImageReader reader) throws IOException {
        PictureDecoder decoder = new PictureDecoder(50_000_000, 960, mime -> List.of(reader).iterator());
        return new MediaInspector(decoder, new Thumbnailer(240, 48 * 1024), Duration.ofSeconds(10), System::nanoTime)
                .inspect(file);
    }

    /** A decoder whose every answer the test decides; by default it has a million frames, all grey. */
    private static final class ScriptedReader extends ImageReader {

        final List<Integer> framesAsked = new ArrayList<>();
        boolean countedFrames;
        Runnable onSize = () -> { };
        Runnable onRead = () -> { };
        private final int width;
        private final int height;

        ScriptedReader(int width, int height) {
            super(null);
            this.width = width;
            this.height = height;
        }

        @Override
        public int getNumImages(boolean allowSearch) {
            countedFrames = true;
            return 1_000_000;
        }

        @Override
        public int getWidth(int imageIndex) {
            framesAsked.add(imageIndex);
            onSize.run();
            return width;
        }

        @Override
        public int getHeight(int imageIndex) {
            framesAsked.add(imageIndex);
            return height;
        }

        @Override
        public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) {
            return List.of(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_RGB)).iterator();
        }

        @Override
        public IIOMetadata getStreamMetadata() {
            return null;
        }

        @Override
        public IIOMetadata getImageMetadata(int imageIndex) {
            return null;
        }

        @Override
        public BufferedImage read(int imageIndex, ImageReadParam param) {
            framesAsked.add(imageIndex);
            onRead.run();
            return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        }
    }
}
