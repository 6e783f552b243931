package org.qchat.client.testing;

import java.util.Optional;

import org.qchat.client.core.SessionStore;

/** A {@link SessionStore} in memory. */
public final class MemorySessionStore implements SessionStore {

    private String device = "test-device";
    private SavedSession saved;

    @Override
    public String deviceName() {
        return device;
    }

    @Override
    public void rememberDevice(String device) {
        this.device = device;
    }

    @Override
    public Optional<SavedSession> savedSession() {
        return Optional.ofNullable(saved);
    }

    @Override
    public void saveSession(SavedSession session) {
        saved = session;
    }

    @Override
    public void forgetSession() {
        saved = null;
    }
}
