package org.qchat.client.core.model;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The observers of one model. Models are single-threaded (the dispatcher thread), so listeners are
 * called synchronously, in registration order, on that thread. A listener may remove itself while
 * being called.
 */
public final class Listeners<T> {

    private final List<T> listeners = new CopyOnWriteArrayList<>();

    public void add(T listener) {
        listeners.add(listener);
    }

    public void remove(T listener) {
        listeners.remove(listener);
    }

    public void fire(Consumer<? super T> event) {
        for (T listener : listeners) {
            event.accept(listener);
        }
    }

    public boolean isEmpty() {
        return listeners.isEmpty();
    }
}
