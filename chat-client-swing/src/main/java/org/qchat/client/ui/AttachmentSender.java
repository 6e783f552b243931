package org.qchat.client.ui;

import java.awt.Component;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.swing.SwingUtilities;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.i18n.I18n;
import org.qchat.client.ui.media.Attachments;
import org.qchat.protocol.model.MessageKind;

/**
 * Sends files and pictures to a conversation: looks at each first, off the Swing thread (is it a
 * folder, is it a picture, how large is it; a picture in memory is encoded as PNG), then hands
 * them to {@code ChatClient.files()} on the Swing thread, in the order given. A picture's
 * preview goes to the {@link PictureCache}, so my message shows it while it uploads.
 *
 * <p>One background thread of its own, started when there is work and gone after a minute
 * without: attachments sent one after another keep their order.
 */
final class AttachmentSender {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ChatClient client;
    private final PictureCache pictures;
    private final Executor background;

    AttachmentSender(ChatClient client, PictureCache pictures) {
        this(client, pictures, new ThreadPoolExecutor(0, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "qchat-attachments");
            t.setDaemon(true);
            return t;
        }));
    }

    AttachmentSender(ChatClient client, PictureCache pictures, Executor background) {
        this.client = client;
        this.pictures = pictures;
        this.background = background;
    }

    /**
     * Sends each file as a picture or a file ({@link AttachmentKind}); folders cannot be sent and
     * are named in a message box over {@code parent}. {@code onSent} runs once the messages show.
     * Call on the Swing thread.
     */
    void sendFiles(Component parent, long convId, List<Path> files, Runnable onSent) {
        CompletableFuture.supplyAsync(() -> files.stream().map(AttachmentSender::look).toList(), background)
                .whenComplete((looked, failure) -> SwingUtilities.invokeLater(() -> {
                    if (looked == null) {
                        return; // looking never throws; nothing to send otherwise
                    }
                    List<Path> folders = new ArrayList<>();
                    for (Looked file : looked) {
                        if (file.folder()) {
                            folders.add(file.path());
                        } else {
                            ChatMessage m = client.files().upload(convId, file.path(), file.kind());
                            keep(m, file.picture());
                        }
                    }
                    if (folders.size() < looked.size()) {
                        onSent.run();
                    }
                    if (!folders.isEmpty()) {
                        Dialogs.error(parent, I18n.tr("chat.attach.folders", folders.stream()
                                .map(p -> Glyphs.safe(String.valueOf(p.getFileName())))
                                .collect(Collectors.joining(", "))));
                    }
                }));
    }

    /**
     * Sends pixels — a pasted picture, a screenshot — as a PNG picture named {@code prefix} and
     * the time ({@code screenshot-20250314-093015.png}). Call on the Swing thread.
     */
    void sendPicture(Component parent, long convId, BufferedImage image, String prefix, Runnable onSent) {
        String name = prefix + "-" + STAMP.format(LocalDateTime.now()) + ".png";
        CompletableFuture.supplyAsync(() -> new Encoded(Attachments.toPng(image), LocalPicture.of(image)), background)
                .whenComplete((encoded, failure) -> SwingUtilities.invokeLater(() -> {
                    if (encoded == null) {
                        Dialogs.error(parent, I18n.tr("chat.attach.pictureFailed"));
                        return;
                    }
                    byte[] png = encoded.png();
                    byte[] head = java.util.Arrays.copyOf(png, Math.min(png.length, AttachmentKind.HEAD_BYTES));
                    ChatMessage m = client.files().upload(convId, png, name, AttachmentKind.of(head, png.length));
                    keep(m, encoded.picture());
                    onSent.run();
                }));
    }

    /** The message shows before its preview is kept (the upload adds it at once); the cache tells its row. */
    private void keep(ChatMessage m, LocalPicture picture) {
        if (picture != null && m.kind() == MessageKind.IMAGE) {
            pictures.keepLocal(m.clientMsgId(), picture);
        }
    }

    /** What sending a file needs to know, read off the Swing thread. */
    private record Looked(Path path, boolean folder, MessageKind kind, LocalPicture picture) {
    }

    private record Encoded(byte[] png, LocalPicture picture) {
    }

    /** Never throws: a file that cannot be read goes as a file, and its upload says why it failed. */
    private static Looked look(Path path) {
        if (Files.isDirectory(path)) {
            return new Looked(path, true, MessageKind.FILE, null);
        }
        MessageKind kind;
        try {
            kind = AttachmentKind.of(path);
        } catch (IOException | RuntimeException e) {
            kind = MessageKind.FILE;
        }
        return new Looked(path, false, kind, kind == MessageKind.IMAGE ? LocalPicture.read(path) : null);
    }
}
