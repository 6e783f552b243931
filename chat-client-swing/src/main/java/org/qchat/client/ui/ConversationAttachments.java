package org.qchat.client.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;

import org.qchat.client.ui.media.Attachment;
import org.qchat.client.ui.media.Attachments;
import org.qchat.client.ui.media.ScreenCapture;

/**
 * Everything one conversation takes besides text: files from the paperclip's chooser, a
 * screenshot, and files or pictures pasted into the compose box or dropped anywhere on the
 * conversation. Files go at once; a picture that is not a file yet (copied from a browser or an
 * image editor) is shown for a confirmation first; a screenshot the user has just framed goes at
 * once. Nothing is taken while the conversation cannot be written to.
 */
final class ConversationAttachments implements ComposeBox.Attaching {

    private final JComponent view;
    private final long convId;
    private final AttachmentSender sender;
    private final BooleanSupplier writable;
    private final Runnable onSent;

    /**
     * @param view     the conversation's panel: dialogs open over it, the screenshot hides nothing of it
     * @param writable whether the conversation takes messages now (a friend, a member; not announcements)
     * @param onSent   runs when the messages show (the view then follows them to the bottom)
     */
    ConversationAttachments(JComponent view, long convId, AttachmentSender sender, BooleanSupplier writable,
                            Runnable onSent) {
        this.view = view;
        this.convId = convId;
        this.sender = sender;
        this.writable = writable;
        this.onSent = onSent;
    }

    @Override
    public void chooseFiles() {
        if (writable.getAsBoolean()) {
            List<Path> files = FilePicker.choose(view);
            if (!files.isEmpty()) {
                sender.sendFiles(view, convId, files, onSent);
            }
        }
    }

    @Override
    public void captureScreen() {
        if (writable.getAsBoolean()) {
            ScreenCapture.start(SwingUtilities.getWindowAncestor(view),
                    image -> sender.sendPicture(view, convId, image, "screenshot", onSent));
        }
    }

    /**
     * Called inside a paste or a drop, whose data is handed over only until it returns: the
     * confirmation (a modal dialog) waits until the drop is over.
     */
    @Override
    public void attach(List<Attachment> attachments) {
        if (!writable.getAsBoolean()) {
            return;
        }
        List<Path> files = new ArrayList<>();
        List<BufferedImage> pictures = new ArrayList<>();
        for (Attachment a : attachments) {
            if (a instanceof Attachment.FileAttachment f) {
                files.add(f.path());
            } else if (a instanceof Attachment.ImageAttachment i) {
                pictures.add(i.image());
            }
        }
        SwingUtilities.invokeLater(() -> {
            if (!files.isEmpty()) {
                sender.sendFiles(view, convId, files, onSent);
            }
            for (BufferedImage picture : pictures) {
                if (PictureConfirmDialog.confirm(view, picture)) {
                    sender.sendPicture(view, convId, picture, "image", onSent);
                }
            }
        });
    }

    /** A handler that lets {@code target} take dropped (and pasted) files and pictures, and whatever it took before. */
    TransferHandler handlerFor(JComponent target) {
        return Attachments.handler(target, this::attach);
    }
}
