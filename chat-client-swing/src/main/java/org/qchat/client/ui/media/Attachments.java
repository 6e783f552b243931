package org.qchat.client.ui.media;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.awt.image.BufferedImage;
import java.awt.image.MultiResolutionImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import javax.imageio.ImageIO;
import javax.swing.ImageIcon;
import javax.swing.JComponent;
import javax.swing.TransferHandler;

/**
 * What a paste or a drop carries, as {@link Attachment}s: files (a Java file list, or the
 * {@code text/uri-list} that Linux file managers offer) or else a picture. Also the
 * {@link TransferHandler} that lets a component take them.
 */
public final class Attachments {

    static final String URI_LIST = "text/uri-list";

    private Attachments() {
    }

    /**
     * The attachments {@code transferable} carries: its files if it names any, else its picture,
     * else nothing. Never throws: data that cannot be read counts as absent. Folders are included
     * as they are; whether they can be sent is the caller's decision.
     */
    public static List<Attachment> from(Transferable transferable) {
        List<Attachment> files = files(transferable);
        if (!files.isEmpty()) {
            return files;
        }
        if (offersPicture(transferable.getTransferDataFlavors())) {
            BufferedImage image = picture(transferable);
            if (image != null) {
                return List.of(new Attachment.ImageAttachment(image));
            }
        }
        return List.of();
    }

    /**
     * Whether data of these flavours may hold attachments, judged without reading it (a drag in
     * progress does not let us read it yet). A list of web links passes too, and turns out empty.
     */
    public static boolean mayCarry(DataFlavor[] flavors) {
        for (DataFlavor flavor : flavors) {
            if (flavor.isFlavorJavaFileListType() || flavor.isMimeTypeEqual(URI_LIST)) {
                return true;
            }
        }
        return offersPicture(flavors);
    }

    /** A picture as PNG bytes, lossless and with its transparency. */
    public static byte[] toPng(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                // Some layouts (a custom colour model, CMYK) have no PNG writer: redraw as plain ARGB.
                out.reset();
                ImageIO.write(argb(image), "png", out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A handler for {@code target} that takes pasted and dropped files and pictures, hands them to
     * {@code onAttach} (on the Swing event thread) and leaves everything else to the handler the
     * target had, so that plain text still pastes into a text field and copy and cut still work.
     * Install it with {@code target.setTransferHandler(...)}. Text dragged out of a text field is
     * copied, not moved: the handler cannot reach the old one's move bookkeeping.
     */
    public static TransferHandler handler(JComponent target, Consumer<List<Attachment>> onAttach) {
        return new AttachmentTransferHandler(target.getTransferHandler(), onAttach);
    }

    private static List<Attachment> files(Transferable transferable) {
        List<Attachment> found = new ArrayList<>();
        try {
            if (transferable.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) {
                for (Object file : (List<?>) transferable.getTransferData(DataFlavor.javaFileListFlavor)) {
                    if (file instanceof File f) {
                        found.add(new Attachment.FileAttachment(f.toPath()));
                    }
                }
            }
        } catch (UnsupportedFlavorException | IOException | RuntimeException e) {
            found.clear();
        }
        if (!found.isEmpty()) {
            return found;
        }
        for (DataFlavor flavor : transferable.getTransferDataFlavors()) {
            if (flavor.isMimeTypeEqual(URI_LIST)) {
                String text = text(transferable, flavor);
                if (text != null) {
                    UriList.files(text).forEach(path -> found.add(new Attachment.FileAttachment(path)));
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
        }
        return found;
    }

    /** The flavour's data as text, whichever of the usual representations it comes in; null if unreadable. */
    private static String text(Transferable transferable, DataFlavor flavor) {
        try {
            Object data = transferable.getTransferData(flavor);
            if (data instanceof String s) {
                return s;
            }
            if (data instanceof Reader reader) {
                try (reader) {
                    StringBuilder out = new StringBuilder();
                    char[] buffer = new char[4096];
                    for (int n; (n = reader.read(buffer)) > 0; ) {
                        out.append(buffer, 0, n);
                    }
                    return out.toString();
                }
            }
            if (data instanceof InputStream in) {
                try (in) {
                    return new String(in.readAllBytes(), charset(flavor));
                }
            }
            if (data instanceof byte[] bytes) {
                return new String(bytes, charset(flavor));
            }
            return null;
        } catch (UnsupportedFlavorException | IOException | RuntimeException e) {
            return null;
        }
    }

    private static Charset charset(DataFlavor flavor) {
        String name = flavor.getParameter("charset");
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * A picture counts only when no plain text comes with it: word processors and spreadsheets put
     * a rendering of the copied text on the clipboard beside the text itself, and a person pasting
     * from them means the text. A copied screenshot or a picture copied from a browser has no text.
     */
    private static boolean offersPicture(DataFlavor[] flavors) {
        boolean picture = false;
        for (DataFlavor flavor : flavors) {
            if (DataFlavor.imageFlavor.equals(flavor)) {
                picture = true;
            } else if (DataFlavor.stringFlavor.equals(flavor) || flavor.isMimeTypeEqual("text/plain")) {
                return false;
            }
        }
        return picture;
    }

    private static BufferedImage picture(Transferable transferable) {
        try {
            return toBufferedImage((Image) transferable.getTransferData(DataFlavor.imageFlavor));
        } catch (UnsupportedFlavorException | IOException | RuntimeException e) {
            return null;
        }
    }

    /** Pixels of any AWT image: the sharpest variant of a multi-resolution one, a toolkit image once loaded. */
    static BufferedImage toBufferedImage(Image image) {
        Image best = image;
        if (best instanceof MultiResolutionImage variants) {
            best = variants.getResolutionVariants().stream()
                    .max(Comparator.comparingInt(v -> v.getWidth(null)))
                    .orElse(best);
        }
        if (best instanceof BufferedImage buffered) {
            return buffered;
        }
        if (best == null) {
            return null;
        }
        // A toolkit image may still be loading; ImageIcon waits until it has.
        Image loaded = new ImageIcon(best).getImage();
        int w = loaded.getWidth(null);
        int h = loaded.getHeight(null);
        if (w <= 0 || h <= 0) {
            return null;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(loaded, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage argb(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}
