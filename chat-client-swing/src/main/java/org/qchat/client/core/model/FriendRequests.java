package org.qchat.client.core.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qchat.protocol.model.FriendRequestInfo;

/** Pending friend requests: those to me (to accept or decline) and those I sent. */
public final class FriendRequests {

    /** Told after any change. */
    public interface Listener {
        void requestsChanged();
    }

    private final Map<Long, FriendRequestInfo> incoming = new LinkedHashMap<>();
    private final Map<Long, FriendRequestInfo> outgoing = new LinkedHashMap<>();
    private final Listeners<Listener> listeners = new Listeners<>();

    public void replaceIncoming(Collection<FriendRequestInfo> requests) {
        incoming.clear();
        requests.forEach(r -> incoming.put(r.requestId(), r));
        changed();
    }

    public void replaceOutgoing(Collection<FriendRequestInfo> requests) {
        outgoing.clear();
        requests.forEach(r -> outgoing.put(r.requestId(), r));
        changed();
    }

    /** A new request to me, or a new note on one I already have (same id). */
    public void putIncoming(FriendRequestInfo request) {
        if (!request.equals(incoming.put(request.requestId(), request))) {
            changed();
        }
    }

    /** The request was answered (by me, on any device) or withdrawn. */
    public void remove(long requestId) {
        boolean removed = incoming.remove(requestId) != null;
        removed |= outgoing.remove(requestId) != null;
        if (removed) {
            changed();
        }
    }

    /** We became friends with this user: any request between us is settled. */
    public void settleWith(long userId) {
        boolean removed = incoming.values().removeIf(r -> r.from().userId() == userId);
        removed |= outgoing.values().removeIf(r -> r.to().userId() == userId);
        if (removed) {
            changed();
        }
    }

    /** Requests to me, oldest first. */
    public List<FriendRequestInfo> incoming() {
        return incoming.values().stream().sorted(Comparator.comparingLong(FriendRequestInfo::time)).toList();
    }

    public List<FriendRequestInfo> outgoing() {
        return List.copyOf(outgoing.values());
    }

    public boolean hasOutgoingTo(long userId) {
        return outgoing.values().stream().anyMatch(r -> r.to().userId() == userId);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void changed() {
        listeners.fire(Listener::requestsChanged);
    }
}
