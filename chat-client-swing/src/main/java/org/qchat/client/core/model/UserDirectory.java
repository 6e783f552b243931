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
    /** My remarks for friends: names shown in place of their nicknames. */
    private final Map<Long, String> remarks = new HashMap<>();
    private final Listeners<Listener> listeners = new Listeners<>();

    public void put(UserInfo user) {
        if (user != null && !user.equals(byId.put(user.userId(), user))) {
            listeners.fire(Listener::usersChanged);
        }
    }

    public Optional<UserInfo> get(long userId) {
        return Optional.ofNullable(byId.get(userId));
    }

    /** The display name (my remark for them if any), or null if this user is unknown. */
    public String name(long userId) {
        String remark = remarks.get(userId);
        if (remark != null) {
            return remark;
        }
        UserInfo user = byId.get(userId);
        return user == null ? null : Names.display(user);
    }

    /** The nickname (or username) whatever my remark, or null if this user is unknown. */
    public String nickname(long userId) {
        UserInfo user = byId.get(userId);
        return user == null ? null : Names.display(user);
    }

    /** Sets (blank or null: clears) my remark for a user. */
    public void setRemark(long userId, String remark) {
        String next = remark == null || remark.isBlank() ? null : remark;
        String before = next == null ? remarks.remove(userId) : remarks.put(userId, next);
        if (!java.util.Objects.equals(before, next)) {
            listeners.fire(Listener::usersChanged);
        }
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }
}
