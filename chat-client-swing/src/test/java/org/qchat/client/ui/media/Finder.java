package org.qchat.client.ui.media;

import java.awt.Component;
import java.awt.Container;

/** Finds a component by name under another, for tests; fails when there is none. */
final class Finder {

    private Finder() {
    }

    static <T extends Component> T named(Component root, String name, Class<T> type) {
        Component hit = find(root, name);
        if (hit == null) {
            throw new AssertionError("no component named " + name);
        }
        return type.cast(hit);
    }

    private static Component find(Component root, String name) {
        if (name.equals(root.getName())) {
            return root;
        }
        if (root instanceof Container container) {
            for (Component child : container.getComponents()) {
                Component hit = find(child, name);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }
}
