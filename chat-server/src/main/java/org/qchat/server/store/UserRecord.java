package org.qchat.server.store;

import org.qchat.protocol.model.UserInfo;

/** A row of {@code users}. */
public record UserRecord(long id, String username, String nickname, String signature, String passwordHash,
                         boolean disabled) {

    public UserInfo toInfo() {
        return new UserInfo(id, username, nickname, signature);
    }
}
