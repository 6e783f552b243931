package org.qchat.client.core.files;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import org.qchat.client.core.Requester;
import org.qchat.client.core.Scheduler;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.core.model.ConversationList;
import org.qchat.client.core.model.Session;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.Push;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.packet.DownloadFailedPush;
import org.qchat.protocol.packet.UploadDonePush;
import org.qchat.protocol.packet.UploadFailedPush;
import org.qchat.protocol.packet.UploadProgressPush;

/**
 * Images and files, as views see them: send one ({@link #upload}), fetch one ({@link #download}),
 * and watch how far either has got ({@link #watch}). Reached through {@code ChatClient.files()}.
 *
 * <p>Threading: like {@code ChatClient}, every method must be called on the dispatcher thread,
 * and watchers are called there. Hashing, reading and writing files happen on the
 * {@link FileStorage#worker() worker}; nothing here blocks.
 *
 * <p>A transfer belongs to a message: an upload to my outgoing message (and, once sent, to the
 * stored message with the same clientMsgId), a download to a stored message. Transfers live as
 * long as the session; a new login forgets them. Unfinished downloads resume across restarts from
 * their {@code .part} file; uploads do not (unsent messages are not kept, see the outbox).
 */
public final class FileTransfers {

    /** A subscription to one message's transfer state; close it when the view goes away. */
    @FunctionalInterface
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private final Session session;
    private final Uploads uploads;
    private final Downloads downloads;
    private final Progress progress;

    /**
     * Built by {@code ChatClient}.
     *
     * @param maxFrame   the largest frame body the server takes now: data frames are cut to fit
     * @param dispatcher the client's one thread, where file work reports back
     * @param messages   sends the message of an uploaded file (the outbox)
     */
    public FileTransfers(Requester requester, IntSupplier maxFrame, Scheduler scheduler, Executor dispatcher,
                         Session session, ConversationList conversations, FileMessageSender messages,
                         FileStorage storage) {
        this.session = session;
        this.progress = new Progress(scheduler);
        FileWork work = new FileWork(storage.worker(), dispatcher);
        this.uploads = new Uploads(requester, maxFrame, scheduler, session, conversations, messages, work, storage,
                progress);
        this.downloads = new Downloads(requester, scheduler, session, work, storage, progress);
        session.addListener(s -> {
            if (s.state() == ConnectionState.SIGNED_OUT) {
                clear();
            }
        });
    }

    // ---- sending ---------------------------------------------------------------------------

    /**
     * Sends a file from disk as an image or a file message. The message shows in its conversation
     * at once as sending, with the transfer's progress; it is sent when the server holds the file
     * (as a file if the server cannot draw it as an image), and resent after a reconnect like any
     * message. The file must stay where it is until then.
     *
     * @return the outgoing message; {@link #watch} it for the upload's progress
     */
    public ChatMessage upload(long convId, Path file, MessageKind kind) {
        return uploads.send(convId, file, requireFileKind(kind));
    }

    /**
     * Sends bytes, such as a pasted or captured picture encoded as PNG, as an image or file named
     * {@code name}. They are written to the cache first (on the worker), so the upload can resume
     * after a reconnect; do not change the array afterwards.
     */
    public ChatMessage upload(long convId, byte[] bytes, String name, MessageKind kind) {
        return uploads.send(convId, bytes, name, requireFileKind(kind));
    }

    // ---- fetching --------------------------------------------------------------------------

    /**
     * Fetches a stored message's file: an image's original into this profile's cache (for the
     * viewer; at once if it is cached already), any other file into the downloads folder as
     * {@code name.part}, renamed to {@code name} (or {@code name (1)}, …) once its SHA-256 equals its
     * fileId. Resumes an unfinished download from its part, and a failed one; a finished or running
     * one stays as it is. A message of mine that I uploaded in this session needs no download: its
     * state is already done, with the file I sent.
     *
     * @return the state now
     * @throws IllegalArgumentException the message is not a stored image or file
     */
    public TransferState download(ChatMessage message) {
        if (!message.hasFile() || !message.isStored() || message.file().fileId() == null) {
            throw new IllegalArgumentException("not a stored image or file: " + message.key());
        }
        if (!isMyUpload(message)) {
            downloads.start(message);
        }
        return state(message);
    }

    // ---- either way ------------------------------------------------------------------------

    /**
     * Calls a transfer off. An upload's message leaves its conversation (unless the server holds the
     * file already: then it is sent anyway and this returns false); a download's part is deleted and
     * the message is back to not downloaded.
     *
     * @return whether something was called off
     */
    public boolean cancel(ChatMessage message) {
        return isMyUpload(message) ? uploads.cancel(message.clientMsgId()) : downloads.cancel(message);
    }

    /** Starts a failed transfer again; an upload from the start, a download from what it has. */
    public boolean retry(ChatMessage message) {
        return isMyUpload(message) ? uploads.retry(message.clientMsgId()) : downloads.retry(message);
    }

    /** Retries the upload of my message {@code clientMsgId}, if it failed before its message was sent. */
    public boolean retryUpload(String clientMsgId) {
        return uploads.retry(clientMsgId);
    }

    /** Where the message's transfer stands; {@link TransferState#NOT_STARTED} if it has none. */
    public TransferState state(ChatMessage message) {
        return progress.state(key(message));
    }

    /**
     * Tells {@code watcher} the message's transfer state now, and every change until the returned
     * watch is closed: phase changes at once, progress at most ten times a second. Called on the
     * dispatcher thread.
     */
    public Watch watch(ChatMessage message, Consumer<TransferState> watcher) {
        return progress.watch(key(message), watcher);
    }

    // ---- from ChatClient -------------------------------------------------------------------

    /** Takes the pushes that are about transfers; false for any other. */
    public boolean accept(Push push) {
        if (push instanceof UploadProgressPush p) {
            uploads.progressed(p);
        } else if (push instanceof UploadDonePush p) {
            uploads.done(p);
        } else if (push instanceof UploadFailedPush p) {
            uploads.failed(p);
        } else if (push instanceof DownloadFailedPush p) {
            downloads.failed(p);
        } else {
            return false;
        }
        return true;
    }

    public void dataReceived(FileChunk chunk) {
        downloads.received(chunk);
    }

    /** The link dropped: transfer ids of the old link mean nothing now; transfers wait for the resume. */
    public void linkLost() {
        uploads.linkLost();
        downloads.linkLost();
    }

    /** A session started: a new login forgets the last session's transfers, a resume continues them. */
    public void sessionStarted(boolean fresh) {
        if (fresh) {
            clear();
        } else {
            uploads.startWaiting();
            downloads.startWaiting();
        }
    }

    private void clear() {
        uploads.clear();
        downloads.clear();
        progress.clear();
    }

    /** My message whose upload this client knows: its state is the upload's, not a download's. */
    private boolean isMyUpload(ChatMessage message) {
        return message.senderId() == session.myId() && uploads.holds(message.clientMsgId());
    }

    private String key(ChatMessage message) {
        return isMyUpload(message) || !message.isStored() ? Uploads.key(message.clientMsgId())
                : Downloads.key(message.convId(), message.seq());
    }

    private static MessageKind requireFileKind(MessageKind kind) {
        if (kind != MessageKind.IMAGE && kind != MessageKind.FILE) {
            throw new IllegalArgumentException("an upload is an image or a file, not " + kind);
        }
        return kind;
    }
}
