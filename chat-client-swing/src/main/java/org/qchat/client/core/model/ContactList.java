package org.qchat.client.core.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qchat.protocol.model.FriendInfo;
import org.qchat.protocol.model.UserInfo;

/**
 * My friends with their presence. {@link #sorted()} puts online friends first, then orders by
 * display name. Every update is idempotent, as the server's state pushes require.
 */
public final class ContactList {

    /** Told after any change (friends added, removed, renamed, coming online or going offline). */
    public interface Listener {
        void contactsChanged();
    }

    /** Online first, then by name, then by id so that equal names keep a stable order. */
    public static final Comparator<Contact> ONLINE_FIRST = Comparator
            .comparing((Contact c) -> !c.online())
            .thenComparing(Contact::displayName, Names.ORDER)
            .thenComparingLong(Contact::userId);

    private final Map<Long, Contact> byId = new LinkedHashMap<>();
    private final Listeners<Listener> listeners = new Listeners<>();

    /** Replaces the whole list, e.g. with a fresh {@code friends} reply. */
    public void replaceAll(Collection<FriendInfo> friends) {
        byId.clear();
        for (FriendInfo friend : friends) {
            byId.put(friend.user().userId(), Contact.of(friend));
        }
        changed();
    }

    /** Adds a friend, or refreshes one we already have. */
    public void put(FriendInfo friend) {
        Contact contact = Contact.of(friend);
        if (!contact.equals(byId.put(contact.userId(), contact))) {
            changed();
        }
    }

    public void remove(long userId) {
        if (byId.remove(userId) != null) {
            changed();
        }
    }

    /** Applies a {@code presence} push; unknown users are ignored (presence is for friends only). */
    public void setOnline(long userId, boolean online) {
        Contact contact = byId.get(userId);
        if (contact != null && contact.online() != online) {
            byId.put(userId, contact.withOnline(online));
            changed();
        }
    }

    /** Applies a {@code user.updated} push. */
    public void updateUser(UserInfo user) {
        Contact contact = byId.get(user.userId());
        if (contact != null && !contact.user().equals(user)) {
            byId.put(user.userId(), contact.withUser(user));
            changed();
        }
    }

    /** Applies my remark for a friend ({@code friend.remark.changed}); blank clears it. */
    public void setRemark(long userId, String remark) {
        Contact contact = byId.get(userId);
        if (contact != null && !contact.equals(contact.withRemark(remark))) {
            byId.put(userId, contact.withRemark(remark));
            changed();
        }
    }

    public Optional<Contact> get(long userId) {
        return Optional.ofNullable(byId.get(userId));
    }

    public boolean isFriend(long userId) {
        return byId.containsKey(userId);
    }

    /** The friend whose private conversation this is, if any. */
    public Optional<Contact> byConversation(long convId) {
        return byId.values().stream().filter(c -> c.convId() == convId).findFirst();
    }

    /** All friends, online first, then by name. */
    public List<Contact> sorted() {
        return byId.values().stream().sorted(ONLINE_FIRST).toList();
    }

    /** Friends matching the search box, in {@link #sorted()} order. */
    public List<Contact> filtered(String query) {
        return sorted().stream()
                .filter(c -> Names.matches(query, c.displayName(), c.nickname(), c.user().username(), c.user().signature()))
                .toList();
    }

    public int size() {
        return byId.size();
    }

    public long onlineCount() {
        return byId.values().stream().filter(Contact::online).count();
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void changed() {
        listeners.fire(Listener::contactsChanged);
    }
}
