package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/**
 * Downloads the file of message {@code (convId, seq)} from byte {@code offset} on. Answered with
 * {@link DownloadStarted}, then data frames up to the file's end.
 */
@PacketType("file.download")
public record DownloadFile(String id, long convId, long seq, long offset) implements Request {

    public DownloadFile {
        Check.requestId(id);
        Check.positive(convId, "convId");
        Check.positive(seq, "seq");
        Check.notNegative(offset, "offset");
    }
}
