package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.FileInfo;

/** The file is stored and yours to send: name it in {@code msg.send}. */
@PacketType("file.stored")
public record FileStored(String id, FileInfo file) implements Response {
}
