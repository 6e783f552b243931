package org.qchat.client.core;

import java.util.Optional;

import org.qchat.client.transport.ServerList;

/**
 * What the client keeps between runs: its device name (sync cursors belong to a device) and,
 * when the user ticked "remember me", the session token. Never the password.
 */
public interface SessionStore {

    /** This installation's device name, created on first use and kept. */
    String deviceName();

    /** The server named a different device (a resumed token's device): use it from now on. */
    void rememberDevice(String device);

    Optional<SavedSession> savedSession();

    void saveSession(SavedSession session);

    void forgetSession();

    /**
     * A remembered login: resume it at the next start. The token is good on any node of
     * {@code servers}; {@link ServerList#key()} tells whether a server the user names is this one.
     */
    record SavedSession(ServerList servers, String username, String token) {
    }
}
