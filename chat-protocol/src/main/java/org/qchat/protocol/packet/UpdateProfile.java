package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Changes nickname and/or signature; a null field stays as it is. Answered with {@link UserReply}. */
@PacketType("profile.update")
public record UpdateProfile(String id, String nickname, String signature) implements Request {

    public UpdateProfile {
        Check.requestId(id);
    }
}
