package org.qchat.client.ui.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.awt.image.BaseMultiResolutionImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.TransferHandler;
import javax.swing.TransferHandler.TransferSupport;

import org.junit.jupiter.api.Test;

class AttachmentsTest {

    private static final DataFlavor URI_LIST_STRING = flavor("text/uri-list;class=java.lang.String");
    private static final DataFlavor URI_LIST_BYTES = flavor("text/uri-list;class=java.io.InputStream;charset=UTF-8");

    // What paste and drop carry

    @Test
    void aFileListGivesItsFilesInOrder() {
        Transferable t = offering(DataFlavor.javaFileListFlavor, List.of(new File("/tmp/a.pdf"), new File("/tmp/b")));

        assertThat(Attachments.from(t)).containsExactly(
                new Attachment.FileAttachment(Path.of("/tmp/a.pdf")), new Attachment.FileAttachment(Path.of("/tmp/b")));
    }

    @Test
    void aLinuxFileManagersUriListGivesItsFiles() {
        Transferable t = offering(URI_LIST_STRING, "file:///home/ann/a.pdf\r\nfile:///home/ann/b%20c.txt\r\n");

        assertThat(Attachments.from(t)).containsExactly(
                new Attachment.FileAttachment(Path.of("/home/ann/a.pdf")),
                new Attachment.FileAttachment(Path.of("/home/ann/b c.txt")));
        assertThat(Attachments.mayCarry(t.getTransferDataFlavors())).isTrue();
    }

    @Test
    void aUriListAsBytesIsReadInItsCharset() {
        byte[] bytes = "file:///tmp/%E7%85%A7%E7%89%87.jpg\r\n".getBytes(StandardCharsets.UTF_8);
        Transferable t = offering(URI_LIST_BYTES, new ByteArrayInputStream(bytes));

        assertThat(Attachments.from(t)).containsExactly(new Attachment.FileAttachment(Path.of("/tmp/照片.jpg")));
    }

    @Test
    void aCopiedPictureGivesAnImage() {
        BufferedImage picture = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        Transferable t = offering(DataFlavor.imageFlavor, picture);

        assertThat(Attachments.mayCarry(t.getTransferDataFlavors())).isTrue();
        assertThat(Attachments.from(t)).containsExactly(new Attachment.ImageAttachment(picture));
    }

    @Test
    void ofAMultiResolutionPictureTheSharpestVariantIsTaken() {
        BufferedImage small = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        BufferedImage large = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        Transferable t = offering(DataFlavor.imageFlavor, new BaseMultiResolutionImage(small, large));

        assertThat(Attachments.from(t)).containsExactly(new Attachment.ImageAttachment(large));
    }

    @Test
    void aToolkitImageIsDrawnIntoPixels() throws IOException {
        BufferedImage red = filled(8, 6, Color.RED);
        Image toolkit = java.awt.Toolkit.getDefaultToolkit().createImage(Attachments.toPng(red));

        BufferedImage pixels = Attachments.toBufferedImage(toolkit);

        assertThat(pixels.getWidth()).isEqualTo(8);
        assertThat(pixels.getRGB(3, 3)).isEqualTo(Color.RED.getRGB());
    }

    @Test
    void aPictureThatComesWithTextIsTheTextsRenderingSoItIsNoAttachment() {
        Map<DataFlavor, Object> data = new LinkedHashMap<>();
        data.put(DataFlavor.stringFlavor, "Total: 42");
        data.put(DataFlavor.imageFlavor, new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB));
        Transferable spreadsheetCells = offering(data);

        assertThat(Attachments.mayCarry(spreadsheetCells.getTransferDataFlavors())).isFalse();
        assertThat(Attachments.from(spreadsheetCells)).isEmpty();
    }

    @Test
    void plainTextCarriesNoAttachment() {
        StringSelection text = new StringSelection("hello");

        assertThat(Attachments.mayCarry(text.getTransferDataFlavors())).isFalse();
        assertThat(Attachments.from(text)).isEmpty();
    }

    @Test
    void webLinksAreNoFiles() {
        assertThat(Attachments.from(offering(URI_LIST_STRING, "https://example.org/cat.png"))).isEmpty();
    }

    @Test
    void dataThatCannotBeReadCountsAsAbsent() {
        Transferable broken = new Transferable() {
            @Override
            public DataFlavor[] getTransferDataFlavors() {
                return new DataFlavor[] {DataFlavor.javaFileListFlavor, URI_LIST_STRING, DataFlavor.imageFlavor};
            }

            @Override
            public boolean isDataFlavorSupported(DataFlavor flavor) {
                return true;
            }

            @Override
            public Object getTransferData(DataFlavor flavor) throws IOException {
                throw new IOException("the source went away");
            }
        };

        assertThat(Attachments.from(broken)).isEmpty();
    }

    // PNG

    @Test
    void aPictureSurvivesPngWithItsTransparency() throws IOException {
        BufferedImage picture = new BufferedImage(17, 9, BufferedImage.TYPE_INT_ARGB);
        Random random = new Random(7);
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                picture.setRGB(x, y, random.nextInt());
            }
        }

        byte[] png = Attachments.toPng(picture);

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(back.getWidth()).isEqualTo(17);
        assertThat(back.getHeight()).isEqualTo(9);
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                assertThat(back.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(picture.getRGB(x, y));
            }
        }
    }

    @Test
    void aScreenshotsRgbPixelsSurvivePng() throws IOException {
        BufferedImage screenshot = filled(40, 30, new Color(0x12, 0x8B, 0xED));

        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Attachments.toPng(screenshot)));

        assertThat(back.getRGB(20, 15)).isEqualTo(screenshot.getRGB(20, 15));
    }

    // The transfer handler

    @Test
    void pastingPlainTextIntoATextFieldStillPastesText() {
        Edt.run(() -> {
            JTextArea input = new JTextArea("hello ");
            input.setCaretPosition(6);
            List<List<Attachment>> attached = new ArrayList<>();
            TransferHandler handler = Attachments.handler(input, attached::add);
            input.setTransferHandler(handler);

            boolean taken = handler.importData(new TransferSupport(input, new StringSelection("world")));

            assertThat(taken).isTrue();
            assertThat(input.getText()).isEqualTo("hello world");
            assertThat(attached).isEmpty();
        });
    }

    @Test
    void pastingFilesIntoATextFieldAttachesThemAndLeavesTheTextAlone() {
        Edt.run(() -> {
            JTextArea input = new JTextArea("draft");
            List<List<Attachment>> attached = new ArrayList<>();
            TransferHandler handler = Attachments.handler(input, attached::add);
            input.setTransferHandler(handler);
            Transferable files = offering(DataFlavor.javaFileListFlavor, List.of(new File("/tmp/a.pdf")));

            assertThat(handler.canImport(new TransferSupport(input, files))).isTrue();
            assertThat(handler.importData(new TransferSupport(input, files))).isTrue();

            assertThat(input.getText()).isEqualTo("draft");
            assertThat(attached).containsExactly(List.of(new Attachment.FileAttachment(Path.of("/tmp/a.pdf"))));
        });
    }

    @Test
    void pastingAPictureAttachesIt() {
        Edt.run(() -> {
            JTextArea input = new JTextArea();
            List<List<Attachment>> attached = new ArrayList<>();
            TransferHandler handler = Attachments.handler(input, attached::add);
            BufferedImage picture = new BufferedImage(5, 5, BufferedImage.TYPE_INT_RGB);

            handler.importData(new TransferSupport(input, offering(DataFlavor.imageFlavor, picture)));

            assertThat(attached).containsExactly(List.of(new Attachment.ImageAttachment(picture)));
        });
    }

    @Test
    void aWebLinkWithItsTextPastesAsText() {
        Edt.run(() -> {
            JTextArea input = new JTextArea();
            List<List<Attachment>> attached = new ArrayList<>();
            TransferHandler handler = Attachments.handler(input, attached::add);
            Map<DataFlavor, Object> link = new LinkedHashMap<>();
            link.put(URI_LIST_STRING, "https://example.org/");
            link.put(DataFlavor.stringFlavor, "https://example.org/");

            assertThat(handler.importData(new TransferSupport(input, offering(link)))).isTrue();

            assertThat(input.getText()).isEqualTo("https://example.org/");
            assertThat(attached).isEmpty();
        });
    }

    @Test
    void copyAndCutStillWorkThroughTheOldHandler() throws Exception {
        Edt.run(() -> {
            JTextArea input = new JTextArea("hello world");
            TransferHandler handler = Attachments.handler(input, list -> { });
            input.setTransferHandler(handler);
            Clipboard clipboard = new Clipboard("test");

            input.select(0, 5);
            handler.exportToClipboard(input, clipboard, TransferHandler.COPY);
            assertThat(clipboard.getData(DataFlavor.stringFlavor)).isEqualTo("hello");
            assertThat(input.getText()).isEqualTo("hello world");

            input.select(5, 11);
            handler.exportToClipboard(input, clipboard, TransferHandler.MOVE);
            assertThat(clipboard.getData(DataFlavor.stringFlavor)).isEqualTo(" world");
            assertThat(input.getText()).isEqualTo("hello");
        });
    }

    @Test
    void aComponentWithoutAHandlerTakesAttachmentsAndNothingElse() {
        Edt.run(() -> {
            JPanel messages = new JPanel();
            List<List<Attachment>> attached = new ArrayList<>();
            TransferHandler handler = Attachments.handler(messages, attached::add);
            Transferable files = offering(DataFlavor.javaFileListFlavor, List.of(new File("/tmp/a.pdf")));

            assertThat(handler.canImport(new TransferSupport(messages, new StringSelection("x")))).isFalse();
            assertThat(handler.importData(new TransferSupport(messages, new StringSelection("x")))).isFalse();
            assertThat(handler.canImport(new TransferSupport(messages, files))).isTrue();
            assertThat(handler.importData(new TransferSupport(messages, files))).isTrue();
            assertThat(attached).hasSize(1);
            assertThat(handler.getSourceActions(messages)).isEqualTo(TransferHandler.NONE);
        });
    }

    // Helpers

    private static DataFlavor flavor(String mime) {
        try {
            return new DataFlavor(mime);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static Transferable offering(DataFlavor flavor, Object data) {
        Map<DataFlavor, Object> map = new LinkedHashMap<>();
        map.put(flavor, data);
        return offering(map);
    }

    /** A transferable with exactly these flavours, as a file manager, a browser or an office program offers them. */
    private static Transferable offering(Map<DataFlavor, Object> data) {
        return new Transferable() {
            @Override
            public DataFlavor[] getTransferDataFlavors() {
                return data.keySet().toArray(new DataFlavor[0]);
            }

            @Override
            public boolean isDataFlavorSupported(DataFlavor flavor) {
                return data.containsKey(flavor);
            }

            @Override
            public Object getTransferData(DataFlavor flavor) throws UnsupportedFlavorException {
                if (!data.containsKey(flavor)) {
                    throw new UnsupportedFlavorException(flavor);
                }
                return data.get(flavor);
            }
        };
    }

    private static BufferedImage filled(int w, int h, Color color) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }
}
