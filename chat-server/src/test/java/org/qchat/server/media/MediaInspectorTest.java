package org.qchat.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.qchat.server.media.TestPictures.afterMarker;
import static org.qchat.server.media.TestPictures.blackPng;
import static org.qchat.server.media.TestPictures.encode;
import static org.qchat.server.media.TestPictures.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.stream.FileImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link MediaInspector} on real pictures of each format, size and shape, on pictures built to harm
 * (bombs that claim billions of pixels, broken data behind a good header, damaged JPEGs, a million
 * frames, a BMP that asks for 2 GB), and on what is not a picture at all, whatever its name says.
 */
class MediaInspectorTest {

    private static final long MAX_PIXELS = 50_000_000;
    private static final int THUMB_SIDE = 240;
    private static final int THUMB_BYTES = 48 * 1024;
    /** Far longer than any of these files needs, far shorter than decoding a bomb would take. */
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    private final MediaInspector inspector = new MediaInspector(MAX_PIXELS, THUMB_SIDE, THUMB_BYTES);

    @TempDir
    Path dir;

    static Stream<Arguments> picturesOfEveryFormatAndShape() {
        int[][] shapes = {
            // width, height, expected thumbnail width, height
            {1600, 1200, 240, 180},
            {1200, 1600, 180, 240},
            {3000, 120, 240, 10},
            {120, 3000, 10, 240},
            {500, 500, 240, 240},
            {241, 240, 240, 239},
            {240, 240, 240, 240},
            {64, 48, 64, 48},
            {1, 1, 1, 1},
        };
        return Stream.of("png", "jpeg", "gif", "bmp")
                .flatMap(format -> Arrays.stream(shapes).map(s -> Arguments.of(format, s[0], s[1], s[2], s[3])));
    }

    @ParameterizedTest(name = "{0} {1}x{2} -> {3}x{4}")
    @MethodSource("picturesOfEveryFormatAndShape")
    void aPictureGetsItsSizeAndAThumbnailOfItsProportionsNeverEnlarged(
            String format, int width, int height, int thumbWidth, int thumbHeight) throws Exception {
        BufferedImage picture = format.equals("gif") ? TestPictures.indexed(width, height, width)
                : photo(width, height, BufferedImage.TYPE_INT_RGB, width);
        Path file = write("picture." + format, encode(picture, format));

        MediaFacts facts = inspector.inspect(file);

        assertThat(facts.mime()).isEqualTo("image/" + format);
        assertThat(facts.image()).isTrue();
        assertThat(facts.width()).isEqualTo(width);
        assertThat(facts.height()).isEqualTo(height);
        assertThumbnail(facts.thumbJpeg(), thumbWidth, thumbHeight);
    }

    @Test
    void aBigPhotoIsDecodedSubsampledToAboutFourTimesTheThumbnail() throws Exception {
        byte[] jpeg = encode(TestPictures.greyPhoto(6000, 4000, 7), "jpeg");
        Path file = write("big.jpg", jpeg);

        PictureDecoder.Picture decoded;
        try (FileImageInputStream input = new FileImageInputStream(file.toFile())) {
            decoded = new PictureDecoder(MAX_PIXELS, 4 * THUMB_SIDE).decode(input, "image/jpeg");
        }
        assertThat(decoded.width()).isEqualTo(6000);
        assertThat(Math.max(decoded.pixels().getWidth(), decoded.pixels().getHeight()))
                .isBetween(2 * THUMB_SIDE, 4 * THUMB_SIDE);

        MediaFacts facts = inspector.inspect(file);
        assertThat(facts.image()).isTrue();
        assertThat(facts.width()).isEqualTo(6000);
        assertThat(facts.height()).isEqualTo(4000);
        assertThumbnail(facts.thumbJpeg(), 240, 160);
    }

    @Test
    void pngsOfOtherPixelLayoutsAreReadToo() throws Exception {
        int[] types = {BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_4BYTE_ABGR,
            BufferedImage.TYPE_BYTE_BINARY, BufferedImage.TYPE_INT_ARGB};
        for (int type : types) {
            Path file = write("layout-" + type + ".png", encode(photo(400, 300, type, type), "png"));

            MediaFacts facts = inspector.inspect(file);

            assertThat(facts.image()).as("type %d", type).isTrue();
            assertThumbnail(facts.thumbJpeg(), 240, 180);
        }
    }

    @Test
    void transparencyIsLaidOnWhite() throws Exception {
        BufferedImage clearRed = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                clearRed.setRGB(x, y, 0x00ff0000);
            }
        }
        Path file = write("clear.png", encode(clearRed, "png"));

        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(inspector.inspect(file).thumbJpeg()));

        for (int[] at : new int[][] {{0, 0}, {120, 80}, {239, 159}}) {
            int rgb = thumb.getRGB(at[0], at[1]);
            assertThat(List.of(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff)).as("pixel %s", Arrays.toString(at))
                    .allMatch(channel -> channel > 245);
        }
    }

    @Test
    void aThumbnailTooLargeAtFirstStepsDownInQualityUntilItFits() throws Exception {
        Path file = write("noise.png", encode(photo(240, 240, BufferedImage.TYPE_INT_RGB, 3), "png"));
        byte[] generous = new MediaInspector(MAX_PIXELS, THUMB_SIDE, Integer.MAX_VALUE).inspect(file).thumbJpeg();
        int tight = generous.length / 3;

        byte[] thumb = new MediaInspector(MAX_PIXELS, THUMB_SIDE, tight).inspect(file).thumbJpeg();

        assertThat(thumb.length).isLessThanOrEqualTo(tight);
        assertThumbnail(thumb, 240, 240);
    }

    @Test
    void anImageWhoseThumbnailCannotFitIsStillAnImageWithoutOne() throws Exception {
        Path file = write("noise.png", encode(photo(240, 240, BufferedImage.TYPE_INT_RGB, 4), "png"));

        MediaFacts facts = new MediaInspector(MAX_PIXELS, THUMB_SIDE, 200).inspect(file);

        assertThat(facts.image()).isTrue();
        assertThat(facts.width()).isEqualTo(240);
        assertThat(facts.thumbJpeg()).isNull();
    }

    @Test
    void aPngClaiming30000By30000PixelsInAFewKilobytesIsRefusedWithoutDecoding() throws Exception {
        byte[] bomb = TestPictures.png(30_000, 30_000, 8, 6, TestPictures.zlib(new byte[4_096]));
        assertThat(bomb.length).isLessThan(4_096);
        Path file = write("bomb.png", bomb);

        MediaFacts facts = assertTimeoutPreemptively(QUICKLY, () -> inspector.inspect(file));

        assertThat(facts).isEqualTo(MediaFacts.notAnImage("image/png"));
    }

    @Test
    void aWellFormedPictureOverThePixelLimitIsRefusedAndTheSameOneWithinItIsRead() throws Exception {
        byte[] png = blackPng(12_000, 12_000);
        assertThat(png.length).isLessThan(64 * 1024);
        Path file = write("144-megapixels.png", png);

        MediaFacts refused = assertTimeoutPreemptively(QUICKLY, () -> inspector.inspect(file));
        MediaFacts allowed = new MediaInspector(200_000_000, THUMB_SIDE, THUMB_BYTES).inspect(file);

        assertThat(refused.image()).isFalse();
        assertThat(allowed.image()).isTrue();
        assertThat(allowed.width()).isEqualTo(12_000);
        assertThumbnail(allowed.thumbJpeg(), 240, 240);
    }

    @Test
    void aPictureWithASideLongerThanAnyDecoderRowShouldHoldIsRefused() throws Exception {
        Path file = write("ribbon.png", blackPng(70_000, 2));

        MediaFacts facts = new MediaInspector(Long.MAX_VALUE, THUMB_SIDE, THUMB_BYTES).inspect(file);

        assertThat(facts.image()).isFalse();
    }

    @Test
    void aHugeHeaderWithBrokenDataBehindItIsNotAnImage() throws Exception {
        byte[] garbage = new byte[2_000];
        Arrays.fill(garbage, (byte) 0x5a);
        Path notZlib = write("not-zlib.png", TestPictures.png(20_000, 20_000, 8, 2, garbage));
        Path tooShort = write("too-short.png", TestPictures.png(20_000, 20_000, 8, 2, TestPictures.zlib(new byte[50])));
        MediaInspector trusting = new MediaInspector(Long.MAX_VALUE, THUMB_SIDE, THUMB_BYTES);

        for (Path file : new Path[] {notZlib, tooShort}) {
            assertThat(assertTimeoutPreemptively(QUICKLY, () -> inspector.inspect(file)).image()).isFalse();
            assertThat(assertTimeoutPreemptively(QUICKLY, () -> trusting.inspect(file)).image()).isFalse();
        }
    }

    @Test
    void aJpegCutShortOrWithABrokenFrameHeaderIsNotAnImage() throws Exception {
        byte[] jpeg = encode(photo(640, 480, BufferedImage.TYPE_INT_RGB, 5), "jpeg");
        int sof = afterMarker(jpeg, 0xc0);
        byte[] noSize = jpeg.clone();
        Arrays.fill(noSize, sof + 3, sof + 7, (byte) 0);
        byte[] badPrecision = jpeg.clone();
        badPrecision[sof + 2] = 13;
        byte[] huge = jpeg.clone();
        Arrays.fill(huge, sof + 3, sof + 7, (byte) 0xea);

        for (byte[] damaged : new byte[][] {
            Arrays.copyOf(jpeg, jpeg.length / 2),
            Arrays.copyOf(jpeg, sof + 4),
            Arrays.copyOf(jpeg, 3),
            noSize,
            badPrecision,
            huge,
        }) {
            Path file = write("damaged.jpg", damaged);

            MediaFacts facts = assertTimeoutPreemptively(QUICKLY, () -> inspector.inspect(file));

            assertThat(facts).isEqualTo(MediaFacts.notAnImage("image/jpeg"));
        }
    }

    @Test
    void otherFormatsCutShortAreNotImages() throws Exception {
        for (String format : new String[] {"png", "gif", "bmp"}) {
            BufferedImage picture = format.equals("gif") ? TestPictures.indexed(300, 300, 6)
                    : photo(300, 300, BufferedImage.TYPE_INT_RGB, 6);
            byte[] whole = encode(picture, format);
            Path file = write("cut." + format, Arrays.copyOf(whole, whole.length / 2));

            assertThat(inspector.inspect(file).image()).as(format).isFalse();
        }
    }

    @Test
    void aGifOfAMillionFramesIsReadFromItsFirstFrameAlone() throws Exception {
        Path file = TestPictures.writeGifOfFrames(dir.resolve("frames.gif"), 1_000_000);
        assertThat(Files.size(file)).isGreaterThan(10_000_000);

        MediaFacts facts = assertTimeoutPreemptively(QUICKLY, () -> inspector.inspect(file));

        assertThat(facts.image()).isTrue();
        assertThat(facts.width()).isEqualTo(10);
        assertThumbnail(facts.thumbJpeg(), 10, 10);
    }

    @Test
    void aBmpWhoseHeaderAsksForGigabytesIsNotAnImage() throws Exception {
        Path file = write("greedy.bmp", TestPictures.rleBmpClaiming(Integer.MAX_VALUE - 16));

        MediaFacts facts = assertTimeoutPreemptively(QUICKLY, () -> inspector.inspect(file));

        assertThat(facts).isEqualTo(MediaFacts.notAnImage("image/bmp"));
    }

    @Test
    void aDecodeThatRunsOutOfTimeIsNotAnImage() throws Exception {
        Path file = write("slow.jpg", encode(photo(640, 480, BufferedImage.TYPE_INT_RGB, 8), "jpeg"));
        AtomicLong clock = new AtomicLong();
        MediaInspector impatient = new MediaInspector(MAX_PIXELS, THUMB_SIDE, THUMB_BYTES, Duration.ofSeconds(5),
                () -> clock.addAndGet(1_000_000_000L));

        assertThat(impatient.inspect(file).image()).isFalse();
        assertThat(inspector.inspect(file).image()).isTrue();
    }

    @Test
    void aPdfNamedLikeAPictureIsAPdf() throws Exception {
        Path file = write("holiday.png", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(inspector.inspect(file)).isEqualTo(MediaFacts.notAnImage("application/pdf"));
    }

    @Test
    void textOrAWebpNamedLikeAJpegIsWhatItIs() throws Exception {
        Path text = write("cat.jpg", "not a cat, 只是文字\n".getBytes(StandardCharsets.UTF_8));
        Path webp = write("dog.jpg", HexFormat.of().parseHex("524946461a000000574542505650384c0d0000002f0000"
                + "0010071011118888fe0700"));

        assertThat(inspector.inspect(text)).isEqualTo(MediaFacts.notAnImage("text/plain"));
        assertThat(inspector.inspect(webp)).isEqualTo(MediaFacts.notAnImage("image/webp"));
    }

    @Test
    void aPictureNamedLikeADocumentIsAPicture() throws Exception {
        Path file = write("report.pdf", encode(photo(50, 40, BufferedImage.TYPE_INT_RGB, 9), "png"));

        MediaFacts facts = inspector.inspect(file);

        assertThat(facts.mime()).isEqualTo("image/png");
        assertThat(facts.image()).isTrue();
    }

    @Test
    void anEmptyFileIsOctetsAndAMissingOneIsAnIoError() throws Exception {
        assertThat(inspector.inspect(write("empty.png", new byte[0])))
                .isEqualTo(MediaFacts.notAnImage("application/octet-stream"));
        assertThatThrownBy(() -> inspector.inspect(dir.resolve("absent.png"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new MediaInspector(0, 240, 1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaInspector(1, 0, 1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaInspector(1, 240, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaInspector(1, 240, 1024, Duration.ZERO, System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            89504e470d0a1a0a0000000d49484452             | image/png
            ffd8ffe000104a464946                         | image/jpeg
            ffd8ffdb                                     | image/jpeg
            474946383761                                 | image/gif
            474946383961                                 | image/gif
            424d3a000000000000003600000028000000         | image/bmp
            424d3a00000000000000360000007c000000         | image/bmp
            424d5720726f636b732c20646f6e277420746865     | text/plain
            424d3a000000000000003600000029000000         | application/octet-stream
            52494646240000005745425056503820             | image/webp
            524946462400000057415645666d7420             | application/octet-stream
            255044462d312e340a                           | application/pdf
            504b0304140000000800                         | application/zip
            504b0506000000000000                         | application/zip
            504b0708                                     | application/zip
            48656c6c6f2c20776f726c64210a                 | text/plain
            efbbbf68690a                                 | text/plain
            e4bda0e5a5bd20f09f9880                       | text/plain
            68690ae4bd                                   | text/plain
            6869006869                                   | application/octet-stream
            c080                                         | application/octet-stream
            eda080                                       | application/octet-stream
            68ff69                                       | application/octet-stream
            ffd8                                         | application/octet-stream
            8950                                         | application/octet-stream
            474946                                       | text/plain
            ''                                           | application/octet-stream
            """)
    void sniffMimeKnowsTypesByTheirFirstBytes(String hex, String mime) {
        byte[] head = HexFormat.of().parseHex(hex == null ? "" : hex);

        assertThat(MediaInspector.sniffMime(head, head.length)).isEqualTo(mime);
    }

    @Test
    void sniffMimeLooksOnlyAtTheFirstLengthBytes() {
        byte[] buffer = new byte[64];
        byte[] png = TestPictures.PNG_SIGNATURE;
        System.arraycopy(png, 0, buffer, 0, png.length);

        assertThat(MediaInspector.sniffMime(buffer, png.length)).isEqualTo("image/png");
        assertThat(MediaInspector.sniffMime(buffer, 4)).isEqualTo("application/octet-stream");
        assertThat(MediaInspector.sniffMime("hi".getBytes(StandardCharsets.US_ASCII), 2)).isEqualTo("text/plain");
        assertThatThrownBy(() -> MediaInspector.sniffMime(buffer, 65)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static void assertThumbnail(byte[] jpeg, int width, int height) throws IOException {
        assertThat(jpeg).isNotNull();
        assertThat(jpeg.length).isLessThanOrEqualTo(THUMB_BYTES);
        assertThat(MediaInspector.sniffMime(jpeg, jpeg.length)).isEqualTo("image/jpeg");
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(thumb.getWidth()).isEqualTo(width);
        assertThat(thumb.getHeight()).isEqualTo(height);
    }
}
