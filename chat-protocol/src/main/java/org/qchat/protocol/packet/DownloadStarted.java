package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.FileInfo;

/** Data frames of {@code downloadId} follow, from {@code offset} to the end of {@code file}. */
@PacketType("file.download.ok")
public record DownloadStarted(String id, long downloadId, FileInfo file, long offset) implements Response {
}
