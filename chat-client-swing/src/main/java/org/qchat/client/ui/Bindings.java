package org.qchat.client.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The model listeners a view registered, so the view can unregister all of them when it is
 * disposed (windows are rebuilt when the language changes; models live on).
 */
final class Bindings {

    private final List<Runnable> removers = new ArrayList<>();

    /** Records how to undo one registration. */
    void add(Runnable remover) {
        removers.add(remover);
    }

    void unbindAll() {
        removers.forEach(Runnable::run);
        removers.clear();
    }
}
