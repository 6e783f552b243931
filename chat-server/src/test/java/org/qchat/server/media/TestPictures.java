package org.qchat.server.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.WritableRaster;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

/**
 * Pictures for {@link MediaInspectorTest}: real ones written by ImageIO, and hostile ones built byte
 * by byte, the way someone who means harm would build them.
 */
final class TestPictures {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private TestPictures() {
    }

    /** A gradient with noise on it: detail that JPEG cannot squeeze away, as in a photo. */
    static BufferedImage photo(int width, int height, int type, long seed) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / Math.max(1, width - 1) + random.nextInt(64)) & 0xff;
                int g = (y * 255 / Math.max(1, height - 1) + random.nextInt(64)) & 0xff;
                int b = random.nextInt(256);
                image.setRGB(x, y, 0xff000000 | r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    /** As {@link #photo}, in grey and written straight into the raster: fast enough for tens of megapixels. */
    static BufferedImage greyPhoto(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (byte) (x * 192 / Math.max(1, width - 1) + random.nextInt(64));
            }
        }
        return image;
    }

    /** An indexed picture, as GIFs are, with every pixel a random entry of the default palette. */
    static BufferedImage indexed(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED);
        WritableRaster raster = image.getRaster();
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, random.nextInt(216));
            }
        }
        return image;
    }

    /** {@code image} in {@code format} ("png", "jpeg", "gif", "bmp"), as ImageIO writes it. */
    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("ImageIO cannot write " + format + " from this image");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A PNG whose header claims {@code width} × {@code height} and whose data is {@code idat}, whatever
     * that holds. Every chunk has a correct CRC: the reader gets past the checks that a corrupt file
     * would fail.
     */
    static byte[] png(int width, int height, int bitDepth, int colourType, byte[] idat) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) bitDepth).put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PNG_SIGNATURE);
        out.writeBytes(chunk("IHDR", ihdr.array()));
        out.writeBytes(chunk("IDAT", idat));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /**
     * A well-formed black-and-white PNG of {@code width} × {@code height}, all black: a row of zero
     * bits deflates to almost nothing, so this is a few kilobytes per hundred million pixels. Every
     * byte of it decodes.
     */
    static byte[] blackPng(int width, int height) {
        byte[] row = new byte[1 + (width + 7) / 8];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION),
                64 * 1024)) {
            for (int y = 0; y < height; y++) {
                zlib.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png(width, height, 1, 0, compressed.toByteArray());
    }

    static byte[] zlib(byte[] raw) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(compressed)) {
            zlib.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data)
                .putInt((int) crc.getValue()).array();
    }

    /**
     * Writes to {@code file} a GIF of {@code frames} frames, each a copy of the one frame ImageIO wrote
     * for a 10 × 10 picture (with its graphic control extension): some tens of bytes a frame, so it is
     * streamed to the disk rather than built in memory.
     */
    static Path writeGifOfFrames(Path file, int frames) throws IOException {
        byte[] single = encode(indexed(10, 10, 1), "gif");
        int packed = single[10] & 0xff;
        int globalTable = (packed & 0x80) != 0 ? 3 * (1 << ((packed & 7) + 1)) : 0;
        int framesStart = 13 + globalTable;
        int trailer = single.length - 1;
        if (single[trailer] != 0x3b) {
            throw new IllegalStateException("ImageIO's GIF does not end with a trailer");
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            out.write(single, 0, framesStart);
            for (int i = 0; i < frames; i++) {
                out.write(single, framesStart, trailer - framesStart);
            }
            out.write(0x3b);
        }
        return file;
    }

    /**
     * An 8-bit run-length BMP of 100 × 100 whose header says its compressed pixels take
     * {@code imageSize} bytes, followed by a few bytes of them: a reader that believes the header
     * allocates what it says.
     */
    static byte[] rleBmpClaiming(int imageSize) {
        int palette = 256 * 4;
        int pixelsAt = 14 + 40 + palette;
        ByteBuffer bmp = ByteBuffer.allocate(pixelsAt + 4).order(ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(pixelsAt + 4).putInt(0).putInt(pixelsAt);
        bmp.putInt(40).putInt(100).putInt(100).putShort((short) 1).putShort((short) 8)
                .putInt(1).putInt(imageSize).putInt(2835).putInt(2835).putInt(256).putInt(0);
        bmp.position(pixelsAt);
        bmp.put((byte) 2).put((byte) 7).put((byte) 0).put((byte) 1);
        return bmp.array();
    }

    /** The offset of the first byte after JPEG marker {@code ff <marker>}, or -1. */
    static int afterMarker(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == marker) {
                return i + 2;
            }
        }
        return -1;
    }
}
