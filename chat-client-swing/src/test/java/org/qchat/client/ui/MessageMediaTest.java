package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;
import static org.qchat.client.testing.Wire.user;

import java.awt.Component;
import java.awt.Window;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.client.core.files.Reasons;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.i18n.I18n;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Environment;
import org.qchat.client.testing.Wire;
import org.qchat.client.ui.media.ImageThumbnail;
import org.qchat.client.ui.media.ImageViewer;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.packet.DownloadFile;
import org.qchat.protocol.packet.DownloadStarted;
import org.qchat.protocol.packet.MessagePush;

/**
 * Image and file messages in a conversation's message list, bound to a client whose server the
 * test plays ({@link ClientHarness}): what a click fetches, and what the rows show as the
 * transfer moves. The list sits in a window that is never shown; the cards and thumbnails follow
 * their transfer only while in one. Needs a display; skipped without one.
 */
class MessageMediaTest {

    private static final long BOB = 2;
    private static final long CONV = 12;

    @TempDir
    Path dir;
    private ClientHarness h;
    private MessageListPanel list;
    private JFrame frame;

    @BeforeEach
    void aConversationWithBobOnScreen() {
        Environment.requireDisplay();
        execute(() -> {
            I18n.use(Locale.ENGLISH);
            Theme.apply("light");
            h = new ClientHarness(dir);
            h.loginAs(user(1, "Alice"), List.of(Wire.friend(BOB, "Bob", true, CONV)), List.of(),
                    List.of(Wire.privateConv(CONV, BOB, 0, 0)));
            Conversation conv = h.client.conversations().get(CONV).orElseThrow();
            list = new MessageListPanel(h.client, conv, new PictureCache(), h.client::retry, () -> {
            });
            frame = new JFrame();
            frame.add(list);
            frame.pack(); // displayable, so the rows follow their transfers; never shown
        });
    }

    @AfterEach
    void closeWindows() {
        execute(() -> {
            if (list != null) {
                list.dispose();
            }
            for (Window w : Window.getWindows()) {
                if (w == frame || w instanceof ImageViewer) {
                    w.dispose();
                }
            }
        });
    }

    @Test
    void aFileCardsDownloadFetchesTheFileAndThenOffersToOpenIt() {
        byte[] bytes = new byte[200_000];
        bytes[7] = 42;
        execute(() -> {
            ChatMessage message = receive(1, MessageKind.FILE, "report.pdf", bytes, null);
            Component row = row(message);
            assertThat(shown(row, ComponentNames.FILE_DOWNLOAD)).isTrue();

            button(row, ComponentNames.FILE_DOWNLOAD).doClick();
            assertThat(h.transport().last(DownloadFile.class).seq()).isEqualTo(1);
            h.answer(DownloadFile.class, r -> new DownloadStarted(r.id(), 4, message.file(), 0));
            h.transport().receive(new FileChunk(FileChunk.Direction.DOWNLOAD, 4, 0,
                    ByteBuffer.wrap(bytes, 0, 100_000).slice().asReadOnlyBuffer()));
            assertThat(shown(row, ComponentNames.FILE_PROGRESS)).as("half way").isTrue();

            h.transport().receive(new FileChunk(FileChunk.Direction.DOWNLOAD, 4, 100_000,
                    ByteBuffer.wrap(bytes, 100_000, 100_000).slice().asReadOnlyBuffer()));
            assertThat(shown(row, ComponentNames.FILE_OPEN)).isTrue();
            assertThat(shown(row, ComponentNames.FILE_SAVE_AS)).isTrue();
            assertThat(dir.resolve("downloads").resolve("report.pdf")).hasBinaryContent(bytes);
        });
    }

    @Test
    void clickingAThumbnailFetchesTheOriginalAndShowsItInTheViewer() throws IOException {
        BufferedImage picture = Pictures.mountains(320, 200, false);
        byte[] png = png(picture);
        String thumb = Base64.getEncoder().encodeToString(jpeg(picture));
        execute(() -> {
            ChatMessage message = receive(1, MessageKind.IMAGE, "lake.png", png, thumb);
            ImageThumbnail thumbnail = (ImageThumbnail) Components.find(row(message), ComponentNames.IMAGE_THUMBNAIL);
            assertThat(thumbnail.hasImage()).as("the thumbnail the message carries").isTrue();
            assertThat(thumbnail.getPreferredSize().width).isEqualTo(240);
            assertThat(thumbnail.getPreferredSize().height).isEqualTo(150);

            click(thumbnail);
            assertThat(openViewers()).as("not before the original is here").isEmpty();
            h.answer(DownloadFile.class, r -> new DownloadStarted(r.id(), 6, message.file(), 0));
            h.transport().receive(new FileChunk(FileChunk.Direction.DOWNLOAD, 6, 0,
                    ByteBuffer.wrap(png).asReadOnlyBuffer()));

            assertThat(openViewers()).extracting(ImageViewer::getTitle).containsExactly("lake.png");
        });
    }

    @Test
    void myFileThatCannotBeReadSaysWhyOnItsCardWithOneRetryAndNotSentUnderIt() {
        execute(() -> {
            ChatMessage mine = h.client.files().upload(CONV, dir.resolve("moved-away.pdf"), MessageKind.FILE);
            list.refresh();
            Component row = row(h.client.conversations().get(CONV).orElseThrow().outgoing(mine.clientMsgId())
                    .orElseThrow());

            assertThat(((JLabel) Components.find(row, ComponentNames.FILE_ERROR)).getText())
                    .isEqualTo(I18n.tr(Reasons.UNREADABLE));
            assertThat(shown(row, ComponentNames.FILE_RETRY)).isTrue();
            assertThat(((JLabel) Components.find(row, ComponentNames.MESSAGE_STATE)).getText())
                    .isEqualTo(I18n.tr("message.notSent"));
            assertThat(Components.find(row, ComponentNames.MESSAGE_RETRY).isVisible())
                    .as("no second Retry under the card").isFalse();
        });
    }

    // ---- helpers, on the event thread ------------------------------------------------------------

    /** Bob's message with a file arrives, as the server pushes it; the list shows it. */
    private ChatMessage receive(long seq, MessageKind kind, String name, byte[] bytes, String thumb) {
        boolean image = kind == MessageKind.IMAGE;
        FileInfo file = new FileInfo(sha256(bytes), name, bytes.length, image ? "image/png" : "application/pdf",
                image ? 320 : null, image ? 200 : null, thumb);
        h.transport().receive(new MessagePush(new MessageInfo(5000 + seq, CONV, seq, BOB, "bob-" + seq,
                MessageInfo.fallbackText(kind, name), Wire.TIME + seq, kind, file)));
        list.refresh();
        return h.client.conversations().get(CONV).orElseThrow().stored(seq).orElseThrow();
    }

    private Component row(ChatMessage m) {
        Component row = Components.find(list, m.isStored() ? "message." + m.seq() : "message.out." + m.clientMsgId());
        assertThat(row).as("the row of " + m.key()).isNotNull();
        return row;
    }

    private static AbstractButton button(Component row, String name) {
        return (AbstractButton) Components.find(row, name);
    }

    /** Whether the named part of a card shows: it and everything up to the row are visible. */
    private static boolean shown(Component row, String name) {
        Component c = Components.find(row, name);
        for (; c != null && c != row; c = c.getParent()) {
            if (!c.isVisible()) {
                return false;
            }
        }
        return c == row;
    }

    private static void click(Component c) {
        c.dispatchEvent(new MouseEvent(c, MouseEvent.MOUSE_CLICKED, System.currentTimeMillis(), 0,
                c.getWidth() / 2, c.getHeight() / 2, 1, false, MouseEvent.BUTTON1));
    }

    private static List<ImageViewer> openViewers() {
        return java.util.Arrays.stream(Window.getWindows()).filter(w -> w instanceof ImageViewer && w.isShowing())
                .map(w -> (ImageViewer) w).toList();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    private static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpg");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
