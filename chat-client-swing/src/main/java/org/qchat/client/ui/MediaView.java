package org.qchat.client.ui;

import javax.swing.JComponent;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.protocol.model.MessageKind;

/**
 * What a message row shows in place of text for an image or a file: the component, bound to the
 * message's transfer from its creation until {@link #close}. Swing event thread only.
 */
interface MediaView extends AutoCloseable {

    /**
     * Makes the view of a message with a file; {@code onTransferChange} runs when its transfer
     * starts, ends or fails (not on progress), also while the view is being made.
     */
    @FunctionalInterface
    interface Factory {
        MediaView create(ChatMessage message, Runnable onTransferChange);
    }

    /** An {@link ImageMessageView} for an image, a {@link FileMessageView} for any other file. */
    static Factory factory(ChatClient client, PictureCache pictures) {
        return (message, onTransferChange) -> message.kind() == MessageKind.IMAGE
                ? new ImageMessageView(client, pictures, message, onTransferChange)
                : new FileMessageView(client, message, onTransferChange);
    }

    JComponent component();

    /** The message changed in place (an upload learned its file's size). */
    void update(ChatMessage message);

    /** Whether it shows a failed transfer with a Retry of its own, so the row needs none. */
    boolean showsFailure();

    /** The preview of my picture arrived after the view was made ({@link PictureCache#keepLocal}). */
    default void pictureArrived() {
    }

    /** Stops following the transfer. */
    @Override
    void close();
}
