package org.qchat.protocol.packet;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;

/** The upload ended without a file: its bytes did not match its SHA-256, a frame was out of place, or the server could not write. */
@PacketType("file.upload.failed")
public record UploadFailedPush(long uploadId, ErrorCode code, String message) implements Push {
}
