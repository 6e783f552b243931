package org.qchat.server.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.packet.DownloadStarted;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.FileStored;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.UploadDonePush;
import org.qchat.protocol.packet.UploadFailedPush;
import org.qchat.protocol.packet.UploadFile;
import org.qchat.protocol.packet.UploadProgressPush;
import org.qchat.protocol.packet.UploadStarted;
import org.qchat.protocol.Response;
import org.qchat.server.config.FileLimits;
import org.qchat.server.db.Database;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.MessageExtras;
import org.qchat.server.service.MessageService;
import org.qchat.server.store.blob.BlobReader;
import org.qchat.server.store.blob.BlobStore;
import org.qchat.server.store.blob.PartialBlob;
import org.qchat.server.store.file.FileCatalog;
import org.qchat.server.store.file.FileCatalog.StoredFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads, downloads and file messages (docs/protocol.md 8.9). Requests run on their connection's
 * serial executor; data frames arrive on an I/O thread and are written on that executor too, so a
 * connection's frames and requests keep their order. Finishing an upload (hash check, forcing to
 * disk, reading an image) and reading files for downloads run on the {@code files} executor, so a
 * connection's chat requests never wait for them.
 */
public final class FileService {

    private static final Logger log = LoggerFactory.getLogger(FileService.class);

    /** Data received beyond what is written: 4× the client's 1 MiB window before the connection is cut. */
    static final long MAX_UNWRITTEN = 4L * 1024 * 1024;
    /** Largest range a proof of possession covers. */
    static final int CHALLENGE_LENGTH = 64 * 1024;
    private static final int NONCE_BYTES = 16;

    private final Database db;
    private final FileCatalog catalog;
    private final BlobStore blobs;
    private final FileInspector inspector;
    private final MessageService messages;
    private final FileLimits limits;
    private final Executor files;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final LongAdder filesStored = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    /** Every open upload that receives bytes, by partial key: a second one of the same user and file takes over. */
    private final Map<String, Upload> receiving = new ConcurrentHashMap<>();

    public FileService(Database db, FileCatalog catalog, BlobStore blobs, FileInspector inspector, MessageService messages,
                       FileLimits limits, Executor files, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.blobs = blobs;
        this.inspector = inspector;
        this.messages = messages;
        this.limits = limits;
        this.files = files;
        this.clock = clock;
    }

    private ConnectionTransfers transfers(ClientConnection connection) {
        return connection.session().attachment(ConnectionTransfers.class, () -> new ConnectionTransfers(connection, files, bytesSent));
    }

    /** Uploads finished and stored since the start (for metrics). */
    public long filesStored() {
        return filesStored.sum();
    }

    /** Upload bytes written since the start (for metrics). */
    public long bytesReceived() {
        return bytesReceived.sum();
    }

    /** Download bytes sent since the start (for metrics). */
    public long bytesSent() {
        return bytesSent.sum();
    }

    // ------------------------------------------------------------------ upload

    /** {@code file.upload}: the answer, {@link FileStored} or {@link UploadStarted}. */
    public Response startUpload(ClientConnection connection, long userId, UploadFile request) throws ChatException {
        String name = FileNames.clean(request.name());
        if (request.size() > limits.maxFileSize()) {
            throw new ChatException(ErrorCode.TOO_LARGE, "file of " + request.size() + " bytes; the limit is "
                    + limits.maxFileSize());
        }
        String sha = request.sha256();
        // What the server knows of the file, and whether this user already holds it, in one read.
        record Known(Optional<StoredFile> file, boolean held) {
        }
        Known known = db.tx(tx -> {
            Optional<StoredFile> file = catalog.file(tx, sha);
            if (file.isPresent() && catalog.heldName(tx, userId, sha).isPresent()) {
                catalog.hold(tx, userId, sha, name, clock.millis());
                return new Known(file, true);
            }
            long used = catalog.usedBytes(tx, userId);
            if (used + request.size() > limits.userQuota()) {
                throw new ChatException(ErrorCode.TOO_LARGE, "this file would take your files to " + (used + request.size())
                        + " bytes; your quota is " + limits.userQuota());
            }
            return new Known(file, false);
        });
        if (known.held()) {
            return new FileStored(request.id(), known.file().get().named(name));
        }
        ConnectionTransfers transfers = transfers(connection);
        if (!transfers.mayStartUpload()) {
            throw new ChatException(ErrorCode.RATE_LIMITED, "too many uploads on this connection; finish or cancel one first");
        }
        long id = transfers.nextId();
        if (known.file().isPresent() && blobs.exists(sha)) {
            Upload upload = new Upload(id, userId, sha, request.size(), name, connection, challenge(request.size()));
            transfers.add(upload);
            return new UploadStarted(request.id(), id, 0, upload.challenge);
        }
        Upload upload = new Upload(id, userId, sha, request.size(), name, connection, null);
        takeOver(upload);
        try {
            PartialBlob partial = blobs.openPartial(upload.partialKey());
            if (partial.length() > request.size()) {
                partial.close();
                blobs.deletePartial(upload.partialKey());
                partial = blobs.openPartial(upload.partialKey());
            }
            upload.receiveInto(partial);
        } catch (IOException e) {
            receiving.remove(upload.partialKey(), upload);
            throw new ChatException(ErrorCode.INTERNAL, "cannot store the upload: " + e.getMessage());
        }
        transfers.add(upload);
        if (upload.complete()) {
            // Every byte arrived before a cut, but it was never finished.
            connection.serialExecutor().execute(() -> finish(transfers, upload));
        }
        return new UploadStarted(request.id(), id, upload.next(), null);
    }

    private UploadStarted.Challenge challenge(long size) {
        int length = (int) Math.min(size, CHALLENGE_LENGTH);
        long offset = size == length ? 0 : (long) (random.nextDouble() * (size - length + 1));
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return new UploadStarted.Challenge(offset, length, Base64.getEncoder().encodeToString(nonce));
    }

    /**
     * Makes {@code upload} the one receiving its user's bytes of its file. An older one (a device
     * that was cut and has not been noticed yet, or another device) is told it lost, and its partial
     * file is released on its own connection's executor before this one opens it.
     */
    private void takeOver(Upload upload) throws ChatException {
        Upload previous = receiving.put(upload.partialKey(), upload);
        if (previous == null) {
            return;
        }
        Runnable release = () -> {
            ConnectionTransfers theirs = previous.connection.session().attachmentIfAny(ConnectionTransfers.class);
            if (theirs != null) {
                theirs.removeUpload(previous.id);
            }
            if (!previous.isClosed()) {
                previous.close();
                previous.connection.send(new UploadFailedPush(previous.id, ErrorCode.CONFLICT,
                        "the upload continues on another connection"));
            }
        };
        if (previous.connection == upload.connection) {
            release.run();
            return;
        }
        CompletableFuture<Void> released = new CompletableFuture<>();
        previous.connection.serialExecutor().execute(() -> {
            release.run();
            released.complete(null);
        });
        try {
            released.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Its connection is closing and its executor busy; a closed upload writes nothing more.
            previous.close();
        }
    }

    /**
     * A data frame arrived (I/O thread). Its bytes are counted until written; a client that runs
     * {@link #MAX_UNWRITTEN} ahead is cut off, so a fast sender cannot fill the server's memory.
     */
    public void received(ClientConnection connection, FileChunk chunk) {
        if (chunk.direction() != FileChunk.Direction.UPLOAD || !connection.session().isLoggedIn()) {
            return;
        }
        ConnectionTransfers transfers = transfers(connection);
        int length = chunk.length();
        if (transfers.unwritten(length) > MAX_UNWRITTEN) {
            connection.closeWith(new ErrorReply(null, ErrorCode.TOO_LARGE, "more than " + MAX_UNWRITTEN
                    + " bytes of data frames sent beyond what the server acknowledged"), "upload window exceeded");
            return;
        }
        connection.serialExecutor().execute(() -> {
            try {
                write(transfers, chunk);
            } finally {
                transfers.unwritten(-length);
            }
        });
    }

    private void write(ConnectionTransfers transfers, FileChunk chunk) {
        Upload upload = transfers.upload(chunk.transferId());
        if (upload == null || upload.isClosed() || upload.partial() == null) {
            return;
        }
        long end = chunk.offset() + chunk.length();
        if (chunk.offset() != upload.next() || end > upload.size) {
            fail(transfers, upload, ErrorCode.BAD_REQUEST, "data frame for bytes " + chunk.offset() + ".." + end
                    + "; expected offset " + upload.next() + " of " + upload.size);
            return;
        }
        try {
            upload.partial().append(chunk.offset(), chunk.data().duplicate());
        } catch (IOException e) {
            log.warn("upload {} of {}: cannot write: {}", upload.id, upload.sha256, e.toString());
            fail(transfers, upload, ErrorCode.INTERNAL, "the server cannot write the upload");
            return;
        }
        upload.advance(chunk.length());
        bytesReceived.add(chunk.length());
        upload.connection.send(new UploadProgressPush(upload.id, upload.next()));
        if (upload.complete()) {
            finish(transfers, upload);
        }
    }

    private void fail(ConnectionTransfers transfers, Upload upload, ErrorCode code, String message) {
        transfers.removeUpload(upload.id);
        receiving.remove(upload.partialKey(), upload);
        upload.close();
        upload.connection.send(new UploadFailedPush(upload.id, code, message));
    }

    /** Every byte is in: check, store and record the file, off the connection's executor. */
    private void finish(ConnectionTransfers transfers, Upload upload) {
        PartialBlob partial = upload.finish();
        transfers.removeUpload(upload.id);
        files.execute(() -> {
            try {
                if (!partial.commit(upload.sha256)) {
                    upload.connection.send(new UploadFailedPush(upload.id, ErrorCode.BAD_REQUEST, "the bytes do not match sha256"));
                    return;
                }
                StoredFile file = describe(upload.sha256);
                db.txRun(tx -> {
                    catalog.record(tx, file, clock.millis());
                    catalog.hold(tx, upload.userId, upload.sha256, upload.name, clock.millis());
                });
                filesStored.increment();
                upload.connection.send(new UploadDonePush(upload.id, file.named(upload.name)));
            } catch (IOException | RuntimeException e) {
                log.warn("upload {} of {}: cannot store: {}", upload.id, upload.sha256, e.toString());
                upload.connection.send(new UploadFailedPush(upload.id, ErrorCode.INTERNAL, "the server cannot store the file"));
            } finally {
                receiving.remove(upload.partialKey(), upload);
            }
        });
    }

    /** What the bytes of a stored blob are: type, and for an image its size and thumbnail. */
    private StoredFile describe(String sha) throws IOException {
        long size = blobs.size(sha);
        FileInspector.Facts facts = inspector.inspect(blobs, sha, size <= limits.maxImageSize());
        return new StoredFile(sha, size, facts.mime(), facts.width(), facts.height(), facts.thumb());
    }

    /** {@code file.prove}: the answer to an upload's challenge. */
    public FileStored prove(ClientConnection connection, long userId, String requestId, long uploadId, String proof)
            throws ChatException {
        ConnectionTransfers transfers = transfers(connection);
        Upload upload = transfers.upload(uploadId);
        if (upload == null || upload.challenge == null || upload.userId != userId) {
            throw ChatException.notFound("no upload " + uploadId + " waits for a proof on this connection");
        }
        transfers.removeUpload(uploadId);
        byte[] expected;
        try (BlobReader reader = blobs.openReader(upload.sha256)) {
            expected = proofOf(reader, upload.challenge);
        } catch (IOException e) {
            throw new ChatException(ErrorCode.INTERNAL, "cannot read the stored file");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(proof);
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw ChatException.forbidden("proof does not match");
        }
        StoredFile file = db.tx(tx -> {
            StoredFile f = catalog.file(tx, upload.sha256).orElseThrow(() -> ChatException.notFound("the file is gone"));
            catalog.hold(tx, userId, upload.sha256, upload.name, clock.millis());
            return f;
        });
        return new FileStored(requestId, file.named(upload.name));
    }

    static byte[] proofOf(BlobReader reader, UploadStarted.Challenge challenge) throws IOException {
        MessageDigest sha = sha256();
        sha.update(Base64.getDecoder().decode(challenge.nonce()));
        ByteBuffer buffer = ByteBuffer.allocate((int) challenge.length());
        long position = challenge.offset();
        while (buffer.hasRemaining()) {
            int n = reader.read(position, buffer);
            if (n < 0) {
                throw new IOException("the file is shorter than the challenge");
            }
            position += n;
        }
        sha.update(buffer.flip());
        return sha.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code file.cancel}: false if the connection has no such transfer. */
    public boolean cancel(ClientConnection connection, long transferId) throws ChatException {
        ConnectionTransfers transfers = transfers(connection);
        Upload upload = transfers.removeUpload(transferId);
        if (upload != null) {
            receiving.remove(upload.partialKey(), upload);
            upload.close();
            try {
                blobs.deletePartial(upload.partialKey());
            } catch (IOException e) {
                log.warn("cannot delete the partial upload {}: {}", upload.partialKey(), e.toString());
            }
            return true;
        }
        Download download = transfers.removeDownload(transferId);
        if (download != null) {
            download.close();
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ download

    /** {@code file.download}: answers, then the connection's pump sends the data frames. */
    public void startDownload(ClientConnection connection, long userId, String requestId, long convId, long seq, long offset,
                              java.util.function.Consumer<Response> reply) throws ChatException {
        MessageInfo message = messages.readable(userId, convId, seq);
        FileInfo file = message.file();
        if (file == null) {
            throw ChatException.notFound("message " + convId + "/" + seq + " carries no file");
        }
        if (offset > file.size()) {
            throw ChatException.badRequest("offset " + offset + " is past the end of the file (" + file.size() + " bytes)");
        }
        ConnectionTransfers transfers = transfers(connection);
        if (!transfers.mayStartDownload()) {
            throw new ChatException(ErrorCode.RATE_LIMITED, "too many downloads on this connection; finish or cancel one first");
        }
        BlobReader reader;
        try {
            reader = blobs.openReader(file.fileId());
        } catch (NoSuchFileException e) {
            throw ChatException.notFound("the file is no longer stored");
        } catch (IOException e) {
            throw new ChatException(ErrorCode.UNAVAILABLE, "cannot read the file");
        }
        long id = transfers.nextId();
        reply.accept(new DownloadStarted(requestId, id, file, offset));
        if (offset < file.size()) {
            transfers.start(new Download(id, reader, offset));
        } else {
            try {
                reader.close();
            } catch (IOException ignored) {
                // Nothing was read.
            }
        }
    }

    // ------------------------------------------------------------------ sending

    /**
     * The file a {@code msg.send} of an image or file carries, after checking the sender holds it and
     * recording that the message refers to it (before the message is appended, so that a file is
     * never collected while a message that names it is being stored).
     */
    public FileInfo fileToSend(long userId, SendMessage request) throws ChatException {
        String name = request.name() == null ? null : FileNames.clean(request.name());
        return db.tx(tx -> {
            Optional<String> held = catalog.heldName(tx, userId, request.fileId());
            Optional<StoredFile> stored = catalog.file(tx, request.fileId());
            if (held.isEmpty() || stored.isEmpty()) {
                throw ChatException.notFound("you hold no file " + request.fileId() + "; upload it first");
            }
            StoredFile file = stored.get();
            if (request.kind() == MessageKind.IMAGE && (!file.isImage() || file.size() > limits.maxImageSize())) {
                throw ChatException.badRequest("the server cannot show this file as an image; send it as a file");
            }
            catalog.reference(tx, userId, request.clientMsgId(), file.sha256());
            FileInfo named = file.named(name != null ? name : held.get());
            return request.kind() == MessageKind.IMAGE ? named
                    : new FileInfo(named.fileId(), named.name(), named.size(), named.mime(), null, null, null);
        });
    }

    /** Stores an image or file message; see {@link MessageService#sendFile}. */
    public CompletableFuture<MessageInfo> send(ClientConnection origin, long userId, SendMessage request) throws ChatException {
        return send(origin, userId, request, MessageExtras.NONE);
    }

    /** {@link #send} of a file message that replies or mentions ({@code extras}, already checked). */
    public CompletableFuture<MessageInfo> send(ClientConnection origin, long userId, SendMessage request,
                                               MessageExtras extras) throws ChatException {
        FileInfo file = fileToSend(userId, request);
        return messages.sendFile(origin, userId, request.convId(), request.clientMsgId(), request.kind(), file, extras);
    }
}
