package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.protocol.model.MessageKind;

class AttachmentKindTest {

    private static final long SMALL = 48_213;

    @TempDir
    Path dir;

    @Test
    void theFourKindsTheServerDrawsAreSentAsPictures() {
        assertThat(AttachmentKind.of(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13), SMALL))
                .isEqualTo(MessageKind.IMAGE);
        assertThat(AttachmentKind.of(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'), SMALL))
                .isEqualTo(MessageKind.IMAGE);
        assertThat(AttachmentKind.of(ascii("GIF89a\u0001\u0000"), SMALL)).isEqualTo(MessageKind.IMAGE);
        assertThat(AttachmentKind.of(ascii("GIF87a\u0001\u0000"), SMALL)).isEqualTo(MessageKind.IMAGE);
        assertThat(AttachmentKind.of(bmpHead(40), SMALL)).isEqualTo(MessageKind.IMAGE);
        assertThat(AttachmentKind.of(bmpHead(124), SMALL)).isEqualTo(MessageKind.IMAGE);
    }

    @Test
    void anythingElseIsAFileWhateverItLooksLikeAtFirstGlance() {
        assertThat(AttachmentKind.of(ascii("%PDF-1.7\n%âãÏÓ"), SMALL)).isEqualTo(MessageKind.FILE);
        assertThat(AttachmentKind.of(ascii("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "), SMALL))
                .as("WebP: the server reads it, but cannot draw it as a message picture").isEqualTo(MessageKind.FILE);
        assertThat(AttachmentKind.of(ascii("BMW owners club: meeting on Sunday"), SMALL))
                .as("text that starts with BM").isEqualTo(MessageKind.FILE);
        assertThat(AttachmentKind.of(bmpHead(41), SMALL)).as("no BMP has a 41-byte info header")
                .isEqualTo(MessageKind.FILE);
        assertThat(AttachmentKind.of(bytes(0x89, 'P', 'N', 'G'), 4)).as("a cut-off signature")
                .isEqualTo(MessageKind.FILE);
        assertThat(AttachmentKind.of(new byte[0], 0)).as("an empty file").isEqualTo(MessageKind.FILE);
    }

    @Test
    void aPictureOverTheServersImageLimitGoesAsAFile() {
        byte[] png = bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        assertThat(AttachmentKind.of(png, AttachmentKind.MAX_IMAGE_BYTES)).isEqualTo(MessageKind.IMAGE);
        assertThat(AttachmentKind.of(png, AttachmentKind.MAX_IMAGE_BYTES + 1)).isEqualTo(MessageKind.FILE);
    }

    @Test
    void filesOnDiskAreJudgedByTheirBytesNotTheirNames() throws IOException {
        Path pngNamedText = dir.resolve("notes.txt");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", pngNamedText.toFile());
        Path jpegWithoutName = dir.resolve("IMG_0042");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "jpg", jpegWithoutName.toFile());
        Path textNamedPng = Files.writeString(dir.resolve("cat.png"), "not a picture at all");
        Path tiny = Files.write(dir.resolve("one-byte.gif"), new byte[] {'G'});

        assertThat(AttachmentKind.of(pngNamedText)).isEqualTo(MessageKind.IMAGE);
        assertThat(AttachmentKind.of(jpegWithoutName)).isEqualTo(MessageKind.IMAGE);
        assertThat(AttachmentKind.of(textNamedPng)).isEqualTo(MessageKind.FILE);
        assertThat(AttachmentKind.of(tiny)).isEqualTo(MessageKind.FILE);
    }

    /** The first 18 bytes of a BMP file whose info header says it is {@code infoSize} bytes long. */
    private static byte[] bmpHead(int infoSize) {
        byte[] head = new byte[18];
        head[0] = 'B';
        head[1] = 'M';
        head[14] = (byte) infoSize;
        return head;
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] ascii(String s) {
        byte[] all = s.getBytes(StandardCharsets.ISO_8859_1);
        return Arrays.copyOf(all, Math.min(all.length, AttachmentKind.HEAD_BYTES));
    }
}
