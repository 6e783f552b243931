package org.qchat.client.core.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qchat.protocol.model.ConversationKind;

/** All conversations I know of this session, and the unread total across them. */
public final class ConversationList {

    /** The system (announcement) conversation's id. */
    public static final long SYSTEM_CONV_ID = 1;

    /** Told when conversations appear or change (messages, unread counts, state). */
    public interface Listener {
        void conversationChanged(Conversation conversation);
    }

    private final Map<Long, Conversation> byId = new LinkedHashMap<>();
    private final Listeners<Listener> listeners = new Listeners<>();
    private long myId;

    /** Sets who "I" am: my messages are not unread. Clears everything (a new session). */
    public void reset(long myId) {
        this.myId = myId;
        byId.clear();
    }

    /** Returns the conversation, creating it if new. */
    public Conversation ensure(long convId, ConversationKind kind) {
        Conversation existing = byId.get(convId);
        if (existing != null) {
            return existing;
        }
        ConversationKind actualKind = kind == null && convId == SYSTEM_CONV_ID ? ConversationKind.SYSTEM : kind;
        Conversation created = new Conversation(convId, actualKind, myId, this::fire);
        byId.put(convId, created);
        fire(created);
        return created;
    }

    public Optional<Conversation> get(long convId) {
        return Optional.ofNullable(byId.get(convId));
    }

    public Collection<Conversation> all() {
        return List.copyOf(byId.values());
    }

    /** Conversations with something to show (or pinned), pinned ones first, then the most recently active. */
    public List<Conversation> recent() {
        return byId.values().stream()
                .filter(c -> c.lastMessage().isPresent() || c.unreadCount() > 0 || c.isPinned())
                .sorted(Comparator.comparing((Conversation c) -> !c.isPinned())
                        .thenComparing(Comparator.comparingLong(Conversation::lastActivity).reversed())
                        .thenComparingLong(Conversation::convId))
                .toList();
    }

    public int totalUnread() {
        int total = 0;
        for (Conversation c : byId.values()) {
            total += c.unreadCount();
        }
        return total;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void fire(Conversation conversation) {
        listeners.fire(l -> l.conversationChanged(conversation));
    }
}
