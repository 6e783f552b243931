package org.qchat.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

import org.qchat.protocol.FileChunk;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.packet.DownloadFile;
import org.qchat.protocol.packet.DownloadStarted;
import org.qchat.protocol.packet.FileStored;
import org.qchat.protocol.packet.ProveFile;
import org.qchat.protocol.packet.UploadDonePush;
import org.qchat.protocol.packet.UploadFile;
import org.qchat.protocol.packet.UploadProgressPush;
import org.qchat.protocol.packet.UploadStarted;

/** A client's side of uploads and downloads (docs/protocol.md 8.9), step by step, over a {@link TestClient}. */
public final class Files {

    /** What a well-behaved client keeps in flight beyond the last {@code file.progress}. */
    public static final long WINDOW = 1024 * 1024;

    private Files() {
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code file.upload} for {@code data}; the answer is {@link UploadStarted} or {@link FileStored}. */
    public static Response start(TestClient client, byte[] data, String name) {
        return client.request(new UploadFile(client.nextId(), sha256(data), data.length, name));
    }

    /**
     * Sends {@code data[from, to)} as data frames of {@code uploadId}, keeping at most {@link #WINDOW}
     * beyond the last progress the server reported. Returns the last progress offset seen.
     */
    public static long send(TestClient client, long uploadId, byte[] data, long from, long to) {
        long acked = from;
        long sent = from;
        while (sent < to) {
            while (sent - acked >= WINDOW) {
                acked = client.awaitPush(UploadProgressPush.class, p -> p.uploadId() == uploadId).offset();
            }
            int length = (int) Math.min(FileChunk.MAX_DATA, Math.min(to - sent, WINDOW - (sent - acked)));
            client.rawWrite(FileChunk.frame(FileChunk.Direction.UPLOAD, uploadId, sent, data, (int) sent, length));
            sent += length;
        }
        return acked;
    }

    /** The whole upload: start, prove or send, wait for the stored file. */
    public static FileInfo upload(TestClient client, byte[] data, String name) {
        Response answer = start(client, data, name);
        if (answer instanceof FileStored stored) {
            return stored.file();
        }
        assertThat(answer).as("file.upload of %s", name).isInstanceOf(UploadStarted.class);
        UploadStarted started = (UploadStarted) answer;
        if (started.challenge() != null) {
            return client.expect(FileStored.class, new ProveFile(client.nextId(), started.uploadId(),
                    proof(data, started.challenge()))).file();
        }
        send(client, started.uploadId(), data, started.offset(), data.length);
        return client.awaitPush(UploadDonePush.class, p -> p.uploadId() == started.uploadId(), Duration.ofSeconds(30)).file();
    }

    public static String proof(byte[] data, UploadStarted.Challenge challenge) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Base64.getDecoder().decode(challenge.nonce()));
            sha.update(data, (int) challenge.offset(), (int) challenge.length());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Downloads message {@code (convId, seq)}'s file from {@code offset} to its end. */
    public static byte[] download(TestClient client, long convId, long seq, long offset) {
        DownloadStarted started = client.expect(DownloadStarted.class, new DownloadFile(client.nextId(), convId, seq, offset));
        return receive(client, started.downloadId(), offset, started.file().size());
    }

    /** Collects a download's data frames from {@code offset} to {@code size}, checking each is in place. */
    public static byte[] receive(TestClient client, long downloadId, long offset, long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long next = offset;
        while (next < size) {
            FileChunk chunk = client.awaitPush(FileChunk.class, c -> c.transferId() == downloadId, Duration.ofSeconds(30));
            assertThat(chunk.direction()).isEqualTo(FileChunk.Direction.DOWNLOAD);
            assertThat(chunk.offset()).as("data frames of a download come in order").isEqualTo(next);
            byte[] bytes = new byte[chunk.length()];
            chunk.data().duplicate().get(bytes);
            out.writeBytes(bytes);
            next += bytes.length;
        }
        assertThat(next).as("no byte past the end").isEqualTo(size);
        return out.toByteArray();
    }

    /** Random bytes, the same for the same seed. */
    public static byte[] bytes(long seed, int length) {
        byte[] data = new byte[length];
        new java.util.SplittableRandom(seed).nextBytes(data);
        return data;
    }
}
