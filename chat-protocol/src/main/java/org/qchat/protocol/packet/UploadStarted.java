package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;

/**
 * The server takes the upload as {@code uploadId}. Without a challenge, send data frames from
 * {@code offset} (what it already holds of an earlier, cut upload of the same file). With one, the
 * server already holds the file: answer {@link ProveFile} instead of sending it.
 */
@PacketType("file.upload.ok")
public record UploadStarted(String id, long uploadId, long offset, Challenge challenge) implements Response {

    /** Hash base64 {@code nonce} followed by the file's bytes [{@code offset}, {@code offset + length}). */
    public record Challenge(long offset, long length, String nonce) {
    }
}
