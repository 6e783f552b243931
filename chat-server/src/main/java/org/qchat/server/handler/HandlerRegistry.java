package org.qchat.server.handler;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qchat.protocol.Request;

/** Request type → its handler. Two handlers for one type fail at construction. */
public final class HandlerRegistry {

    private final Map<Class<?>, PacketHandler<?>> byType = new HashMap<>();

    public HandlerRegistry(List<PacketHandler<?>> handlers) {
        for (PacketHandler<?> handler : handlers) {
            PacketHandler<?> previous = byType.putIfAbsent(handler.type(), handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for " + handler.type().getSimpleName());
            }
        }
    }

    @SuppressWarnings("unchecked")
    public <T extends Request> PacketHandler<T> handlerFor(Class<T> type) {
        return (PacketHandler<T>) byType.get(type);
    }

    public Collection<Class<?>> handledTypes() {
        return byType.keySet();
    }
}
