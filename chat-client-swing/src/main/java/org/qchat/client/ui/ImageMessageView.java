package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.swing.JComponent;
import javax.swing.JPanel;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.files.TransferState;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.ui.media.ImageThumbnail;
import org.qchat.client.ui.media.ImageViewer;
import org.qchat.protocol.model.FileInfo;

/**
 * An image message: its thumbnail — the one the message carries, or for my own picture the
 * preview made when I sent it — in the original's shape. A click shows the original in the
 * viewer, fetching it first if it is not here (the thumbnail shows how far; × calls it off).
 * While my picture uploads, the thumbnail shows the upload's progress with × to cancel it.
 */
final class ImageMessageView implements MediaView {

    private final ChatClient client;
    private final PictureCache pictures;
    private final JPanel holder = new JPanel(new BorderLayout()) {
        @Override
        public Dimension getMaximumSize() {
            return getPreferredSize(); // as a bubble: no wider than the picture
        }
    };
    private final TransferBinding transfer;
    private ChatMessage message;
    private ImageThumbnail thumbnail;
    /** The user clicked while the original was not here: show it once it is. */
    private boolean openWhenDone;

    ImageMessageView(ChatClient client, PictureCache pictures, ChatMessage message, Runnable onTransferChange) {
        this.client = client;
        this.pictures = pictures;
        this.message = message;
        holder.setOpaque(false);
        transfer = new TransferBinding(client.files(), message, state -> {
            openWhenDone(state);
            onTransferChange.run();
        });
        showThumbnail();
    }

    private void showThumbnail() {
        FileInfo file = message.file();
        LocalPicture mine = pictures.local(message.clientMsgId());
        BufferedImage picture = mine != null ? mine.preview() : pictures.thumbnail(file);
        int width = file.width() != null ? file.width() : mine != null ? mine.width() : 0;
        int height = file.height() != null ? file.height() : mine != null ? mine.height() : 0;
        thumbnail = new ImageThumbnail(picture, width, height, transfer.view(), new ImageThumbnail.Actions() {
            @Override
            public void open() {
                ImageMessageView.this.open();
            }

            @Override
            public void cancel() {
                openWhenDone = false;
                client.files().cancel(message);
            }

            @Override
            public void retry() {
                openWhenDone = message.isStored();
                client.files().retry(message);
            }
        });
        holder.removeAll();
        holder.add(thumbnail, BorderLayout.CENTER);
        holder.revalidate();
        holder.repaint();
    }

    /** Shows the original: from the transfer when here, my own file while it uploads, else fetched first. */
    private void open() {
        TransferState state = transfer.state();
        LocalPicture mine = pictures.local(message.clientMsgId());
        if (state.phase() == TransferState.Phase.DONE && state.path() != null) {
            view(state.path());
        } else if (mine != null && mine.file() != null) {
            view(mine.file());
        } else if (message.isStored() && message.file().fileId() != null) {
            openWhenDone = true;
            if (state.phase() != TransferState.Phase.TRANSFERRING) {
                client.files().download(message); // the watch opens the viewer when the original is in
            }
        }
    }

    private void openWhenDone(TransferState state) {
        if (openWhenDone && state.phase() != TransferState.Phase.NOT_STARTED
                && state.phase() != TransferState.Phase.TRANSFERRING) {
            openWhenDone = false;
            if (state.phase() == TransferState.Phase.DONE && state.path() != null) {
                view(state.path());
            }
        }
    }

    private void view(Path original) {
        ImageViewer.show(holder, original, Glyphs.safe(message.file().name()));
    }

    @Override
    public JComponent component() {
        return holder;
    }

    @Override
    public void update(ChatMessage next) {
        message = next;
    }

    @Override
    public boolean showsFailure() {
        return transfer.state().phase() == TransferState.Phase.FAILED;
    }

    @Override
    public void pictureArrived() {
        if (pictures.local(message.clientMsgId()) != null) {
            showThumbnail();
        }
    }

    /** The thumbnail, for tests. */
    ImageThumbnail thumbnail() {
        return thumbnail;
    }

    @Override
    public void close() {
        transfer.close();
    }
}
