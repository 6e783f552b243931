package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Image;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JFrame;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;

import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.DeliveryState;
import org.qchat.client.i18n.I18n;
import org.qchat.client.i18n.Language;

/**
 * A window of emoji as the client draws them — conversation previews, message bubbles, the
 * compose box, the open picker and a notification — saved as a PNG, to look at after changing how emoji are
 * drawn. Needs a display (Xvfb will do):
 * <pre>
 *   java -cp CLIENT_CLASSPATH org.qchat.client.ui.EmojiChatDemo OUT.png [en|zh]
 * </pre>
 */
public final class EmojiChatDemo {

    private EmojiChatDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "emoji-chat.png");
        Language language = Language.parse(args.length > 1 ? args[1] : "zh");
        AtomicReference<JFrame> frame = new AtomicReference<>();
        AtomicReference<EmojiPicker> picker = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            I18n.use(language);
            Theme.apply("light");
            frame.set(window());
            picker.set(new EmojiPicker(text -> { }));
        });
        Robot robot = new Robot();
        robot.waitForIdle();
        SwingUtilities.invokeAndWait(() -> {
            JFrame f = frame.get();
            ComposeBox compose = (ComposeBox) Components.find(f, "demo.compose");
            picker.get().show(compose, 10, -picker.get().getPreferredSize().height);
            Toast.show(Avatars.user(2, "小明", 36), "小明 🐱", "好的👍🎉 see you at 7 ⏰, and bring the 🎂!", null);
        });
        robot.waitForIdle();
        AtomicReference<Rectangle> bounds = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> bounds.set(frame.get().getGraphicsConfiguration().getBounds()));
        robot.waitForIdle();
        // The whole screen (the toast is in its corner), in device pixels on a scaled screen.
        List<Image> variants = robot.createMultiResolutionScreenCapture(bounds.get()).getResolutionVariants();
        Image largest = variants.get(variants.size() - 1);
        BufferedImage shot = new BufferedImage(largest.getWidth(null), largest.getHeight(null), BufferedImage.TYPE_INT_RGB);
        shot.createGraphics().drawImage(largest, 0, 0, null);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(shot, "png", out.toFile());
        System.out.println("saved " + out.toAbsolutePath());
        SwingUtilities.invokeAndWait(() -> frame.get().dispose());
        System.exit(0);
    }

    private static JFrame window() {
        JList<ListEntry> recent = new JList<>(new EntryListModel());
        EntryRenderer.install(recent);
        ((EntryListModel) recent.getModel()).replace(List.of(
                entry(1, "小明 🐱", "好的👍🎉 明天见"),
                entry(2, "Family 👨‍👩‍👧", "Dinner at 7 🍜🍺 don't be late ⏰"),
                entry(3, "Travel", "🇨🇳 → 🇯🇵 ✈️ 1️⃣ week, ❤️ it")), recent);
        JScrollPane left = new JScrollPane(recent);
        left.setPreferredSize(new Dimension(280, 0));

        JPanel messages = new JPanel();
        messages.setLayout(new BoxLayout(messages, BoxLayout.Y_AXIS));
        long now = System.currentTimeMillis();
        messages.add(row(message(1, 2, "明天一起吃饭吗？🍜", now), MessageRow.Style.THEIRS, "小明"));
        messages.add(row(message(2, 1, "好的👍🎉", now), MessageRow.Style.MINE, "me"));
        messages.add(row(message(3, 2, "Family 👨‍👩‍👧 flags 🇨🇳🇬🇧 keycap #️⃣ 1️⃣ heart ❤️ fire ❤️‍🔥 "
                + "and one the client has no image of: 🦩 — 😂😂😂", now), MessageRow.Style.THEIRS, "小明"));
        messages.add(row(message(4, 1, "很长的一段中文消息，里面夹着表情😀😁😂🤣😃，看看换行是否正常，表情是否和文字对齐🙂🙃。", now),
                MessageRow.Style.MINE, "me"));
        JPanel chat = new JPanel(new BorderLayout());
        chat.add(new JScrollPane(messages), BorderLayout.CENTER);
        ComposeBox compose = new ComposeBox(text -> { }, new ComposeBox.Attaching() {
            @Override
            public void chooseFiles() {
            }

            @Override
            public void captureScreen() {
            }

            @Override
            public void attach(List<org.qchat.client.ui.media.Attachment> attachments) {
            }
        });
        compose.setName("demo.compose");
        compose.input().setText("写点什么😀 and a 👨‍👩‍👧");
        chat.add(compose, BorderLayout.SOUTH);

        JFrame frame = new JFrame("emoji");
        frame.getContentPane().add(left, BorderLayout.WEST);
        frame.getContentPane().add(chat, BorderLayout.CENTER);
        ((JPanel) frame.getContentPane()).setBorder(BorderFactory.createEmptyBorder());
        frame.setSize(1000, 760);
        frame.setLocation(20, 20);
        frame.setVisible(true);
        for (var c : messages.getComponents()) {
            ((MessageRow) c).setAvailableWidth(700);
        }
        return frame;
    }

    private static ListEntry entry(long convId, String title, String preview) {
        return new ListEntry("c" + convId, convId, Avatars.user(convId, title, 36), title, preview, "12:30",
                (int) convId - 1, false, null);
    }

    private static ChatMessage message(long seq, long sender, String text, long time) {
        return new ChatMessage(1, seq, sender, "m" + seq, text, time, DeliveryState.SENT, null);
    }

    private static MessageRow row(ChatMessage message, MessageRow.Style style, String sender) {
        return new MessageRow(message, style, sender, id -> { }, (m, onChange) -> null);
    }
}
