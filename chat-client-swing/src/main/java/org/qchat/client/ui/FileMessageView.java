package org.qchat.client.ui;

import java.nio.file.Path;

import javax.swing.JComponent;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.files.SafeNames;
import org.qchat.client.core.files.TransferState;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.ui.media.FileCard;
import org.qchat.client.ui.media.SaveAs;

/**
 * A file message: a {@link FileCard} bound to the message's transfer — Download, the progress with
 * × to cancel, Open and Save as once the file is here, the reason and Retry after a failure. For
 * my own file the card follows its upload, and once sent opens the file I sent.
 */
final class FileMessageView implements MediaView {

    private final ChatClient client;
    private final TransferBinding transfer;
    private final FileCard card;
    private ChatMessage message;

    FileMessageView(ChatClient client, ChatMessage message, Runnable onTransferChange) {
        this.client = client;
        this.message = message;
        transfer = new TransferBinding(client.files(), message, state -> onTransferChange.run());
        card = new FileCard(Glyphs.safe(message.file().name()), message.file().size(), transfer.view(),
                new FileCard.Actions() {
                    @Override
                    public void download() {
                        FileMessageView.this.download();
                    }

                    @Override
                    public void cancel() {
                        client.files().cancel(FileMessageView.this.message);
                    }

                    @Override
                    public void retry() {
                        client.files().retry(FileMessageView.this.message);
                    }

                    @Override
                    public void open() {
                        FileMessageView.this.open();
                    }

                    @Override
                    public void saveAs() {
                        FileMessageView.this.saveAs();
                    }
                });
    }

    private void download() {
        if (message.isStored() && message.file().fileId() != null) {
            client.files().download(message);
        }
    }

    private void open() {
        Path file = transfer.state().path();
        if (file != null) {
            FileOpener.open(card, file);
        }
    }

    private void saveAs() {
        Path file = transfer.state().path();
        if (file != null) {
            SaveAs.copy(card, file, SafeNames.clean(message.file().name()));
        }
    }

    @Override
    public JComponent component() {
        return card;
    }

    @Override
    public void update(ChatMessage next) {
        if (next.file().size() != message.file().size()) {
            card.setFileSize(next.file().size());
        }
        message = next;
    }

    @Override
    public boolean showsFailure() {
        return transfer.state().phase() == TransferState.Phase.FAILED;
    }

    @Override
    public void close() {
        transfer.close();
    }
}
