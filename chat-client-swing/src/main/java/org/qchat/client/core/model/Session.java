package org.qchat.client.core.model;

import org.qchat.protocol.model.UserInfo;

/**
 * The signed-in user and the connection state. {@link #signedOutReason()} names (as a message
 * key) why the client left a session on its own, e.g. the password was changed elsewhere.
 */
public final class Session {

    /** Told of every change to the state or the profile. */
    public interface Listener {
        void sessionChanged(Session session);
    }

    private final Listeners<Listener> listeners = new Listeners<>();
    private ConnectionState state = ConnectionState.SIGNED_OUT;
    private UserInfo me;
    private String signedOutReason;
    private boolean admin;

    public ConnectionState state() {
        return state;
    }

    /** The signed-in user; null before the first login. */
    public UserInfo me() {
        return me;
    }

    public long myId() {
        return me == null ? 0 : me.userId();
    }

    /** Message key of why the session ended by itself, or null. */
    public String signedOutReason() {
        return signedOutReason;
    }

    public void setState(ConnectionState state) {
        if (this.state != state) {
            this.state = state;
            if (state != ConnectionState.SIGNED_OUT) {
                signedOutReason = null;
            }
            listeners.fire(l -> l.sessionChanged(this));
        }
    }

    public void signOut(String reasonKey) {
        this.signedOutReason = reasonKey;
        this.state = ConnectionState.SIGNED_OUT;
        listeners.fire(l -> l.sessionChanged(this));
    }

    /** Whether the server counts the signed-in user as a server administrator (its {@code session} says so). */
    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }

    public void setMe(UserInfo me) {
        this.me = me;
        listeners.fire(l -> l.sessionChanged(this));
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }
}
