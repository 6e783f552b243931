package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;

/** The server has written the upload's bytes up to {@code offset}; the client's window moves on. */
@PacketType("file.progress")
public record UploadProgressPush(long uploadId, long offset) implements Push {
}
