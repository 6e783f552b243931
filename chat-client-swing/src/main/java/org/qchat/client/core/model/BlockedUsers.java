package org.qchat.client.core.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qchat.protocol.model.UserInfo;

/** The users I have blocked, as the server last told, ordered by name. */
public final class BlockedUsers {

    /** Told after any change to the list. */
    public interface Listener {
        void blockedChanged();
    }

    private final Map<Long, UserInfo> byId = new LinkedHashMap<>();
    private final Listeners<Listener> listeners = new Listeners<>();

    /** Replaces the whole list with a fresh {@code user.blocked} answer. */
    public void replaceAll(Collection<UserInfo> users) {
        byId.clear();
        users.forEach(u -> byId.put(u.userId(), u));
        changed();
    }

    public void add(UserInfo user) {
        if (!user.equals(byId.put(user.userId(), user))) {
            changed();
        }
    }

    public void remove(long userId) {
        if (byId.remove(userId) != null) {
            changed();
        }
    }

    public boolean contains(long userId) {
        return byId.containsKey(userId);
    }

    public List<UserInfo> sorted() {
        return byId.values().stream()
                .sorted(Comparator.comparing(Names::display, Names.ORDER).thenComparingLong(UserInfo::userId))
                .toList();
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void changed() {
        listeners.fire(Listener::blockedChanged);
    }
}
