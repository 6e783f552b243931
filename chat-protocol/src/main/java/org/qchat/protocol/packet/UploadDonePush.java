package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;
import org.qchat.protocol.model.FileInfo;

/** Every byte of the upload arrived, its SHA-256 matched, and the file is stored durably. */
@PacketType("file.upload.done")
public record UploadDonePush(long uploadId, FileInfo file) implements Push {
}
