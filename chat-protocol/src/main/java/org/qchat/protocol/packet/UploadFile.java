package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;
import org.qchat.protocol.model.FileInfo;

/**
 * Starts (or resumes) an upload of a file whose SHA-256 the client has computed. Answered with
 * {@link FileStored} when this user already holds the file, else {@link UploadStarted}.
 */
@PacketType("file.upload")
public record UploadFile(String id, String sha256, long size, String name) implements Request {

    public UploadFile {
        Check.requestId(id);
        Check.required(sha256, "sha256");
        if (!FileInfo.isSha256(sha256)) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits");
        }
        Check.positive(size, "size");
        Check.required(name, "name");
    }
}
