package org.qchat.protocol.packet;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;

/** The download stopped before its end; start it again from the offset you have. */
@PacketType("file.download.failed")
public record DownloadFailedPush(long downloadId, ErrorCode code, String message) implements Push {
}
