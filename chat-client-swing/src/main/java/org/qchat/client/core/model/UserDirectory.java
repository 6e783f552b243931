package org.qchat.client.core.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.qchat.protocol.model.UserInfo;

/**
 * Every profile the client has seen (friends, group members, search results, request senders),
 * so a group message can show its sender's name even when the sender is not a friend.
 */
public final class UserDirectory {

    /** Told when a profile is learned or changes. */
    public interface Listener {
        void usersChanged();
    }

    private final Map<Long, UserInfo> byId = new HashMap<>();
    private final Listeners<Listener> listeners = new Listeners<>();

    public void put(UserInfo user) {
        if (user != null && !user.equals(byId.put(user.userId(), user))) {
            listeners.fire(Listener::usersChanged);
        }
    }

    public Optional<UserInfo> get(long userId) {
        return Optional.ofNullable(byId.get(userId));
    }

    /** The display name, or null if this user is unknown. */
    public String name(long userId) {
        UserInfo user = byId.get(userId);
        return user == null ? null : Names.display(user);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }
}
