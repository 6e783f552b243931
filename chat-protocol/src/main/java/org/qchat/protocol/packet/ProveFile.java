package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/**
 * Answers an upload's challenge: {@code proof} is the lowercase hex SHA-256 of the challenge's nonce
 * bytes followed by the challenged range of the file. Answered with {@link FileStored}.
 */
@PacketType("file.prove")
public record ProveFile(String id, long uploadId, String proof) implements Request {

    public ProveFile {
        Check.requestId(id);
        Check.positive(uploadId, "uploadId");
        Check.required(proof, "proof");
    }
}
