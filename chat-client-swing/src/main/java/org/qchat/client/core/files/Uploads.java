package org.qchat.client.core.files;

import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.qchat.client.core.ChatException;
import org.qchat.client.core.Requester;
import org.qchat.client.core.Scheduler;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.core.model.ConversationList;
import org.qchat.client.core.model.DeliveryState;
import org.qchat.client.core.model.Session;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.packet.CancelTransfer;
import org.qchat.protocol.packet.FileStored;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.ProveFile;
import org.qchat.protocol.packet.UploadDonePush;
import org.qchat.protocol.packet.UploadFailedPush;
import org.qchat.protocol.packet.UploadFile;
import org.qchat.protocol.packet.UploadProgressPush;
import org.qchat.protocol.packet.UploadStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * My images and files on their way to the server (protocol 8.9). Each is hashed off the
 * dispatcher, then announced with {@code file.upload}; the server answers that it holds the file
 * ({@code file.stored}), asks for proof that I do ({@code challenge}), or takes data frames from
 * the offset it already has ({@link UploadWindow}). Once it holds the file the message goes to
 * the outbox, which sends it exactly once.
 *
 * <ul>
 *   <li>Link lost: the upload waits and, after the resume, announces itself again; the server
 *       answers with the offset it kept.</li>
 *   <li>{@code RATE_LIMITED} (open uploads, starts per second) or {@code CONFLICT} (another
 *       connection's upload of the same file took over): tried again after a pause, as long as it takes.</li>
 *   <li>{@code UNAVAILABLE}, {@code INTERNAL}, no answer: tried again a few times, then failed.</li>
 *   <li>Anything else, an unreadable file, {@code file.upload.failed}: failed with a reason; a retry
 *       hashes the file again and starts over.</li>
 * </ul>
 * Two uploads of the same bytes (one picture to two friends) do not race: the second waits for
 * the first, then gets {@code file.stored}. Everything runs on the dispatcher thread.
 */
final class Uploads {

    /** Kinds the server draws as images (its image limits aside): other files go as files. */
    static final Set<String> DRAWABLE = Set.of("image/png", "image/jpeg", "image/gif", "image/bmp");

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    private final Requester requester;
    private final Scheduler scheduler;
    private final Session session;
    private final ConversationList conversations;
    private final FileMessageSender messages;
    private final FileWork work;
    private final UploadFiles files;
    private final UploadWindow window;
    private final Progress progress;
    private final Pauses pauses;
    private final Map<String, Upload> byMessage = new LinkedHashMap<>();
    private final Map<Long, Upload> byUploadId = new HashMap<>();

    Uploads(Requester requester, IntSupplier maxFrame, Scheduler scheduler, Session session,
            ConversationList conversations, FileMessageSender messages, FileWork work, FileStorage storage,
            Progress progress) {
        this.requester = requester;
        this.window = new UploadWindow(requester, maxFrame, work, (upload, reasonKey) -> {
            cancelOnServer(upload);
            fail(upload, reasonKey);
        });
        this.scheduler = scheduler;
        this.session = session;
        this.conversations = conversations;
        this.messages = messages;
        this.work = work;
        this.files = new UploadFiles(storage);
        this.progress = progress;
        this.pauses = new Pauses(scheduler);
    }

    static String key(String clientMsgId) {
        return "up:" + clientMsgId;
    }

    // ---- what FileTransfers asks -------------------------------------------------------------

    ChatMessage send(long convId, Path file, MessageKind kind) {
        Path fileName = file.getFileName();
        String name = fileName == null ? SafeNames.FALLBACK : fileName.toString();
        Upload upload = new Upload(convId, UUID.randomUUID().toString(), name, kind);
        upload.file = file;
        return begin(upload);
    }

    ChatMessage send(long convId, byte[] bytes, String name, MessageKind kind) {
        Upload upload = new Upload(convId, UUID.randomUUID().toString(), name, kind);
        upload.pendingBytes = bytes;
        upload.size = bytes.length;
        return begin(upload);
    }

    boolean holds(String clientMsgId) {
        return byMessage.containsKey(clientMsgId);
    }

    /** Starts a failed upload over, from hashing: the file may have changed. */
    boolean retry(String clientMsgId) {
        Upload upload = byMessage.get(clientMsgId);
        if (upload == null || upload.step != Upload.Step.FAILED) {
            return false;
        }
        upload.retries = 0;
        upload.failure = null;
        upload.acked = 0;
        upload.sent = 0;
        conversations.get(upload.convId)
                .ifPresent(c -> c.setOutgoingState(upload.clientMsgId, DeliveryState.SENDING, null));
        hash(upload);
        return true;
    }

    /**
     * Calls an upload off and takes its message away. Too late once the server holds the file: the
     * message is then on its way like any other.
     */
    boolean cancel(String clientMsgId) {
        Upload upload = byMessage.get(clientMsgId);
        if (upload == null || upload.step == Upload.Step.STORED) {
            return false;
        }
        cancelOnServer(upload);
        interrupt(upload);
        byMessage.remove(clientMsgId);
        progress.set(key(clientMsgId), TransferState.NOT_STARTED);
        conversations.get(upload.convId).ifPresent(c -> c.removeOutgoing(clientMsgId));
        startWaiting();
        return true;
    }

    // ---- the session -------------------------------------------------------------------------

    void linkLost() {
        for (Upload upload : byMessage.values()) {
            if (upload.onLink()) {
                interrupt(upload);
                upload.step = Upload.Step.WAITING;
                report(upload);
            }
        }
        byUploadId.clear();
    }

    /** After a resume: every upload that was cut off or waiting announces itself again. */
    void startWaiting() {
        for (Upload upload : List.copyOf(byMessage.values())) {
            if (upload.step == Upload.Step.WAITING) {
                tryStart(upload);
            }
        }
    }

    /** A new login: nothing of the last session goes on. */
    void clear() {
        byMessage.values().forEach(this::interrupt);
        byMessage.clear();
        byUploadId.clear();
    }

    // ---- pushes ------------------------------------------------------------------------------

    void progressed(UploadProgressPush push) {
        Upload upload = byUploadId.get(push.uploadId());
        if (upload == null || upload.step != Upload.Step.SENDING) {
            return;
        }
        if (push.offset() > upload.acked) {
            upload.retries = 0;
            upload.acked = Math.min(push.offset(), upload.size);
            upload.sent = Math.max(upload.sent, upload.acked);
            report(upload);
        }
        window.fill(upload);
    }

    void done(UploadDonePush push) {
        Upload upload = byUploadId.remove(push.uploadId());
        if (upload != null) {
            stored(upload, push.file());
        }
    }

    void failed(UploadFailedPush push) {
        Upload upload = byUploadId.remove(push.uploadId());
        if (upload == null) {
            return;
        }
        upload.uploadId = 0;
        log.info("upload {} failed on the server: {} {}", push.uploadId(), push.code(), push.message());
        if (push.code() == ErrorCode.CONFLICT) {
            // Another connection of mine took this file over; when it is done, a new start gets file.stored.
            pause(upload, null);
        } else {
            fail(upload, push.code() == ErrorCode.BAD_REQUEST ? Reasons.CHANGED : Reasons.UPLOAD_FAILED);
        }
    }

    // ---- the steps ---------------------------------------------------------------------------

    private ChatMessage begin(Upload upload) {
        ChatMessage message = ChatMessage.outgoingFile(upload.convId, session.myId(), upload.clientMsgId,
                upload.kind, upload.localInfo(), scheduler.now());
        conversations.ensure(upload.convId, null).addOutgoing(message);
        byMessage.put(upload.clientMsgId, upload);
        hash(upload);
        return message;
    }

    private void hash(Upload upload) {
        upload.step = Upload.Step.HASHING;
        int attempt = upload.newAttempt();
        report(upload);
        Path file = upload.file;
        byte[] bytes = upload.pendingBytes;
        String name = upload.name;
        String mime = upload.mime;
        MessageKind kind = upload.kind;
        work.run(() -> bytes != null ? files.stash(bytes, name, mime, kind) : UploadFiles.hash(file))
                .whenComplete((hashed, failure) -> hashed(upload, attempt, hashed, failure));
    }

    private void hashed(Upload upload, int attempt, UploadFiles.Hashed hashed, Throwable failure) {
        if (stale(upload, attempt)) {
            return;
        }
        if (failure != null) {
            log.info("cannot read {}: {}", upload.file, failure.toString());
            fail(upload, Reasons.UNREADABLE);
            return;
        }
        upload.file = hashed.file();
        upload.pendingBytes = null;
        upload.sha256 = hashed.sha256();
        upload.size = hashed.size();
        if (upload.size == 0) {
            fail(upload, Reasons.EMPTY);
            return;
        }
        conversations.get(upload.convId).ifPresent(c -> c.setOutgoingFile(upload.clientMsgId, upload.localInfo()));
        upload.step = Upload.Step.WAITING;
        report(upload);
        tryStart(upload);
    }

    private void tryStart(Upload upload) {
        if (upload.step != Upload.Step.WAITING || session.state() != ConnectionState.ONLINE || twinOnItsWay(upload)) {
            return;
        }
        upload.step = Upload.Step.STARTING;
        int attempt = upload.newAttempt();
        requester.call(id -> new UploadFile(id, upload.sha256, upload.size, upload.name), Response.class)
                .whenComplete((reply, failure) -> {
                    if (stale(upload, attempt)) {
                        if (reply instanceof UploadStarted late) {
                            cancelOnServer(late.uploadId()); // called off while the server opened it
                        }
                        return;
                    }
                    if (failure != null) {
                        trouble(upload, failure);
                    } else if (reply instanceof FileStored stored) {
                        stored(upload, stored.file());
                    } else if (reply instanceof UploadStarted started) {
                        started(upload, started);
                    } else {
                        trouble(upload, new ChatException(ChatException.Kind.UNEXPECTED_REPLY,
                                "file.upload was answered with " + reply.type()));
                    }
                });
    }

    private void started(Upload upload, UploadStarted started) {
        upload.uploadId = started.uploadId();
        byUploadId.put(upload.uploadId, upload);
        if (started.challenge() != null) {
            prove(upload, started.challenge());
            return;
        }
        upload.step = Upload.Step.SENDING;
        upload.acked = started.offset();
        upload.sent = started.offset();
        upload.rate.reset();
        report(upload);
        window.fill(upload);
    }

    /** The server holds these bytes already, from someone else: show it I have them too. */
    private void prove(Upload upload, UploadStarted.Challenge challenge) {
        upload.step = Upload.Step.PROVING;
        int attempt = upload.attempt;
        Path file = upload.file;
        byte[] nonce;
        try {
            nonce = Base64.getDecoder().decode(challenge.nonce());
        } catch (IllegalArgumentException | NullPointerException e) {
            cancelOnServer(upload);
            fail(upload, Reasons.UPLOAD_FAILED);
            return;
        }
        long offset = challenge.offset();
        long length = challenge.length();
        work.run(() -> Sha256.proof(nonce, file, offset, length)).whenComplete((proof, failure) -> {
            if (stale(upload, attempt)) {
                return;
            }
            if (failure != null) {
                cancelOnServer(upload);
                fail(upload, Reasons.UNREADABLE);
                return;
            }
            requester.call(id -> new ProveFile(id, upload.uploadId, proof), FileStored.class)
                    .whenComplete((stored, refused) -> {
                        if (stale(upload, attempt)) {
                            return;
                        }
                        if (refused != null) {
                            trouble(upload, refused);
                        } else {
                            stored(upload, stored.file());
                        }
                    });
        });
    }

    private void stored(Upload upload, FileInfo file) {
        interrupt(upload);
        upload.step = Upload.Step.STORED;
        report(upload);
        MessageKind kind = upload.kind == MessageKind.IMAGE && (file.mime() == null || DRAWABLE.contains(file.mime()))
                ? MessageKind.IMAGE : MessageKind.FILE;
        messages.sendFile(upload.convId, upload.clientMsgId, kind, file);
        startWaiting(); // an upload of the same bytes waiting for this one now gets file.stored
    }

    private void trouble(Upload upload, Throwable failure) {
        ChatException e = ChatException.of(failure);
        if (e == null) {
            log.warn("upload failed", failure);
            fail(upload, Reasons.UPLOAD_FAILED);
        } else if (Reasons.offline(e)) {
            interrupt(upload);
            upload.step = Upload.Step.WAITING; // the resume starts it again
        } else if (Reasons.busy(e) || e.is(ErrorCode.CONFLICT) || e.is(ErrorCode.NOT_FOUND)) {
            // NOT_FOUND: the challenged upload is gone on the server; a new start gets a new one.
            pause(upload, null);
        } else if (Reasons.passing(e)) {
            pause(upload, Reasons.ofPassing(e));
        } else if (e.is(ErrorCode.TOO_LARGE)) {
            fail(upload, Reasons.TOO_LARGE);
        } else if (e.is(ErrorCode.FORBIDDEN)) {
            fail(upload, Reasons.CHANGED); // a wrong proof: the bytes are not what was hashed
        } else {
            fail(upload, Reasons.UPLOAD_FAILED);
        }
    }

    /**
     * Tries again after a pause. {@code reasonKey} null: as often as it takes (rate limits); else
     * a few times ({@link Pauses}), then the upload fails for that reason.
     */
    private void pause(Upload upload, String reasonKey) {
        interrupt(upload);
        boolean pausing = pauses.schedule(upload, reasonKey != null, () -> {
            if (upload.step == Upload.Step.PAUSED) {
                upload.step = Upload.Step.WAITING;
                tryStart(upload);
            }
        });
        if (!pausing) {
            fail(upload, reasonKey);
            return;
        }
        upload.step = Upload.Step.PAUSED;
        report(upload);
    }

    private void fail(Upload upload, String reasonKey) {
        interrupt(upload);
        upload.step = Upload.Step.FAILED;
        upload.failure = reasonKey;
        conversations.get(upload.convId)
                .ifPresent(c -> c.setOutgoingState(upload.clientMsgId, DeliveryState.FAILED, reasonKey));
        report(upload);
        startWaiting();
    }

    /** Whatever is in flight for this upload stops counting; the server's id is forgotten. */
    private void interrupt(Upload upload) {
        upload.newAttempt();
        upload.reading = false;
        if (upload.uploadId != 0) {
            byUploadId.remove(upload.uploadId);
            upload.uploadId = 0;
        }
    }

    /** Tells the server to drop what it holds of this upload (the reply does not matter). */
    private void cancelOnServer(Upload upload) {
        cancelOnServer(upload.uploadId);
    }

    private void cancelOnServer(long uploadId) {
        if (uploadId != 0 && session.state() == ConnectionState.ONLINE) {
            requester.call(id -> new CancelTransfer(id, uploadId), Ok.class);
        }
    }

    private boolean stale(Upload upload, int attempt) {
        return upload.attempt != attempt || byMessage.get(upload.clientMsgId) != upload;
    }

    /** Another upload of the same bytes is talking to the server: this one waits for it. */
    private boolean twinOnItsWay(Upload upload) {
        for (Upload other : byMessage.values()) {
            if (other != upload && other.onLink() && upload.sha256.equals(other.sha256)) {
                return true;
            }
        }
        return false;
    }

    private void report(Upload upload) {
        TransferState state = switch (upload.step) {
            case STORED -> TransferState.done(upload.file, upload.size);
            case FAILED -> TransferState.failed(upload.failure, upload.acked, upload.size);
            default -> TransferState.transferring(upload.acked, upload.size,
                    upload.step == Upload.Step.SENDING ? upload.rate.sample(scheduler.now(), upload.acked) : 0);
        };
        progress.set(key(upload.clientMsgId), state);
    }
}
