package org.qchat.client.ui.media;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.ActionEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;

import org.qchat.client.i18n.I18n;
import org.qchat.client.ui.Theme;

/**
 * Shows the media components in every state, to look at them (not a test):
 * <pre>
 *   java -cp … org.qchat.client.ui.media.MediaComponentsDemo [light|dark] [en|zh] [viewer|capture]
 * </pre>
 * The transfers in progress move by themselves; clicks are written to the line at the bottom.
 * "viewer" also opens the image viewer, "capture" the screenshot tool.
 */
public final class MediaComponentsDemo {

    private final JLabel log = new JLabel(" ");

    public static void main(String[] args) throws IOException {
        String theme = args.length > 0 ? args[0] : "light";
        I18n.use(args.length > 1 && args[1].startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
        String extra = args.length > 2 ? args[2] : "";
        BufferedImage photo = Samples.photo(1600, 1200);
        Path original = Files.createTempFile("qchat-demo-", ".png");
        ImageIO.write(photo, "png", original.toFile());
        Path document = Files.createTempFile("qchat-demo-", ".docx");
        Files.write(document, new byte[12_345]);
        SwingUtilities.invokeLater(() -> {
            Theme.apply(theme);
            JFrame frame = new MediaComponentsDemo().frame(photo, original, document);
            frame.setVisible(true);
            if (extra.equals("viewer")) {
                ImageViewer.show(frame, original, "sunset-at-the-lake.png");
            } else if (extra.equals("capture")) {
                // Once the frame has painted itself, so that there is something to capture.
                Timer later = new Timer(1000, e -> ScreenCapture.start(frame,
                        image -> ImageViewer.show(frame, save(image), "screenshot.png")));
                later.setRepeats(false);
                later.start();
            }
        });
    }

    private JFrame frame(BufferedImage photo, Path original, Path document) {
        JFrame frame = new JFrame("qchat media components");
        frame.setDefaultCloseOperation(WindowConstants.EXIT_ON_CLOSE);

        byte[] jpeg = Samples.jpeg(Scaling.to(photo, 240, 180));
        TransferView uploading = new TransferView();
        TransferView failedImage = new TransferView();
        failedImage.setFailed("Connection lost");
        JPanel images = column("ImageThumbnail");
        images.add(row(
                ImageThumbnail.ofJpeg(jpeg, 1600, 1200, new TransferView(), imageActions("photo", original)),
                ImageThumbnail.ofJpeg(jpeg, 1600, 1200, uploading, imageActions("uploading", original))));
        images.add(Box.createVerticalStrut(10));
        images.add(row(
                new ImageThumbnail(Samples.photo(90, 160), 900, 1600, failedImage, imageActions("failed", original)),
                new ImageThumbnail(null, 1280, 720, new TransferView(), imageActions("placeholder", original)),
                new ImageThumbnail(Samples.photo(300, 30), 3000, 300, new TransferView(),
                        imageActions("wide", original))));

        TransferView downloading = new TransferView();
        TransferView failedFile = new TransferView();
        failedFile.setFailed("The server is not reachable. Check your connection.");
        JPanel files = column("FileCard");
        files.add(card("Quarterly report 2025.pdf", 1_258_291, new TransferView()));
        files.add(Box.createVerticalStrut(8));
        files.add(card("photos-from-the-trip.zip", 48_500_000, downloading));
        files.add(Box.createVerticalStrut(8));
        files.add(card("Meeting notes for the product planning session with the design team (final, v3).docx",
                12_345, TransferView.done(document)));
        files.add(Box.createVerticalStrut(8));
        files.add(card("budget.xlsx", 532 * 1024, failedFile));
        files.add(Box.createVerticalStrut(8));
        files.add(card("README", 12, new TransferView()));

        JTextArea drop = new JTextArea(3, 40);
        drop.setText("Paste or drop files and pictures here; plain text pastes as text.");
        drop.setTransferHandler(Attachments.handler(drop, this::attached));
        JButton capture = new JButton(new AbstractAction("Screenshot (Ctrl+Alt+A)") {
            @Override
            public void actionPerformed(ActionEvent e) {
                ScreenCapture.start(frame, image -> ImageViewer.show(frame, save(image), "screenshot.png"));
            }
        });
        JButton viewer = new JButton(new AbstractAction("Open the viewer") {
            @Override
            public void actionPerformed(ActionEvent e) {
                ImageViewer.show(frame, original, "sunset-at-the-lake.png");
            }
        });
        JPanel bottom = new JPanel(new BorderLayout(8, 8));
        bottom.setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
        bottom.add(new JScrollPane(drop), BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        buttons.add(capture);
        buttons.add(viewer);
        buttons.add(log);
        bottom.add(buttons, BorderLayout.SOUTH);

        JPanel content = new JPanel(new BorderLayout());
        JPanel columns = new JPanel();
        columns.setLayout(new BoxLayout(columns, BoxLayout.X_AXIS));
        columns.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        columns.setBackground(Theme.chatBackground());
        images.setAlignmentY(Component.TOP_ALIGNMENT);
        files.setAlignmentY(Component.TOP_ALIGNMENT);
        columns.add(images);
        columns.add(Box.createHorizontalStrut(24));
        columns.add(files);
        content.add(columns, BorderLayout.CENTER);
        content.add(bottom, BorderLayout.SOUTH);
        frame.setContentPane(content);
        frame.getRootPane().registerKeyboardAction(e -> capture.doClick(), ScreenCapture.SHORTCUT,
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        frame.pack();
        frame.setLocation(20, 20);

        animate(uploading, 0.0, 0.013, 850_000);
        animate(downloading, 0.35, 0.004, 2_400_000);
        return frame;
    }

    private FileCard card(String name, long size, TransferView transfer) {
        FileCard card = new FileCard(name, size, transfer, new FileCard.Actions() {
            @Override
            public void download() {
                say("download " + name);
                transfer.setTransferring(0, 0);
                animate(transfer, 0, 0.02, 1_500_000);
            }

            @Override
            public void cancel() {
                say("cancel " + name);
                transfer.setNotStarted();
            }

            @Override
            public void retry() {
                say("retry " + name);
                transfer.setTransferring(0, 0);
                animate(transfer, 0, 0.02, 900_000);
            }

            @Override
            public void open() {
                say("open " + transfer.path());
            }

            @Override
            public void saveAs() {
                SaveAs.copy(log, transfer.path(), name);
            }
        });
        card.setAlignmentX(Component.LEFT_ALIGNMENT);
        return card;
    }

    private ImageThumbnail.Actions imageActions(String what, Path original) {
        return new ImageThumbnail.Actions() {
            @Override
            public void open() {
                say("open " + what);
                ImageViewer.show(log, original, what + ".png");
            }

            @Override
            public void cancel() {
                say("cancel " + what);
            }

            @Override
            public void retry() {
                say("retry " + what);
            }
        };
    }

    /** Moves a transfer along ten times a second until it is done, as the client core would. */
    private void animate(TransferView transfer, double from, double step, long rate) {
        double[] at = {from};
        Timer timer = new Timer(100, null);
        timer.addActionListener(e -> {
            if (transfer.phase() != TransferView.Phase.TRANSFERRING && at[0] > from) {
                timer.stop();
                return;
            }
            at[0] = at[0] + step >= 1 ? 0 : at[0] + step;
            transfer.setTransferring(at[0], rate + (long) (Math.sin(at[0] * 40) * rate / 10));
        });
        transfer.setTransferring(from, rate);
        timer.start();
    }

    private void attached(List<Attachment> attachments) {
        say(attachments.stream().map(a -> a instanceof Attachment.FileAttachment f
                ? f.path().getFileName().toString()
                : "picture " + ((Attachment.ImageAttachment) a).image().getWidth() + "×"
                        + ((Attachment.ImageAttachment) a).image().getHeight()).toList().toString());
    }

    private void say(String text) {
        log.setText(text);
    }

    private static Path save(BufferedImage image) {
        try {
            Path file = Files.createTempFile("qchat-screenshot-", ".png");
            Files.write(file, Attachments.toPng(image));
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JPanel column(String title) {
        JPanel column = new JPanel();
        column.setOpaque(false);
        column.setLayout(new BoxLayout(column, BoxLayout.Y_AXIS));
        JLabel label = new JLabel(title);
        label.setForeground(Theme.secondaryText());
        label.setAlignmentX(Component.LEFT_ALIGNMENT);
        column.add(label);
        column.add(Box.createVerticalStrut(6));
        return column;
    }

    private static JPanel row(JComponent... items) {
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 10, 0));
        row.setOpaque(false);
        row.setAlignmentX(Component.LEFT_ALIGNMENT);
        for (JComponent item : items) {
            row.add(item);
        }
        row.setMaximumSize(row.getPreferredSize());
        return row;
    }

    /** Pictures made by code, so the demo and the tests need no image files. */
    static final class Samples {

        private Samples() {
        }

        /** A sunset over hills and a lake: smooth gradients and hard edges, like a photo. */
        static BufferedImage photo(int width, int height) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0x2B, 0x3A, 0x7A), 0, height * 0.6f,
                    new Color(0xF7, 0x9C, 0x4B)));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0xFF, 0xE0, 0x8A));
            int sun = Math.min(width, height) / 5;
            g.fillOval(width * 3 / 5, (int) (height * 0.42) - sun / 2, sun, sun);
            g.setColor(new Color(0x3B, 0x2A, 0x4A));
            g.fillPolygon(new int[] {0, width / 4, width / 2, width * 3 / 4, width, width, 0},
                    new int[] {(int) (height * 0.62), (int) (height * 0.45), (int) (height * 0.58),
                            (int) (height * 0.5), (int) (height * 0.6), height, height}, 7);
            g.setPaint(new GradientPaint(0, height * 0.7f, new Color(0x4A, 0x5F, 0x9E), 0, height,
                    new Color(0x1C, 0x24, 0x48)));
            g.fillRect(0, (int) (height * 0.7), width, height);
            g.dispose();
            return image;
        }

        static byte[] jpeg(BufferedImage image) {
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ImageIO.write(rgb, "jpg", out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
