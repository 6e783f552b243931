package org.qchat.client.ui;

import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.function.IntConsumer;

import javax.swing.JTabbedPane;

/**
 * The browser keys for a window of tabs: Ctrl+W closes the tab in front, Ctrl+Tab and
 * Ctrl+Shift+Tab go to the next and previous tab (round the end).
 *
 * <p>Why a {@link KeyEventDispatcher} rather than key bindings: Swing treats Ctrl+Tab as a focus
 * traversal key, and text areas keep it for that even when Tab is theirs, so a binding would
 * never see it while the user types a message. The dispatcher sees the key first, only for
 * {@code window}.
 */
final class TabKeys implements KeyEventDispatcher {

    private final Window window;
    private final JTabbedPane tabs;
    private final IntConsumer closeTab;

    private TabKeys(Window window, JTabbedPane tabs, IntConsumer closeTab) {
        this.window = window;
        this.tabs = tabs;
        this.closeTab = closeTab;
    }

    /** Installs the keys; run the returned action to remove them again (when the window goes). */
    static Runnable install(Window window, JTabbedPane tabs, IntConsumer closeTab) {
        TabKeys keys = new TabKeys(window, tabs, closeTab);
        KeyboardFocusManager manager = KeyboardFocusManager.getCurrentKeyboardFocusManager();
        manager.addKeyEventDispatcher(keys);
        return () -> manager.removeKeyEventDispatcher(keys);
    }

    @Override
    public boolean dispatchKeyEvent(KeyEvent e) {
        if (!e.isControlDown() || e.isAltDown() || e.isMetaDown()
                || KeyboardFocusManager.getCurrentKeyboardFocusManager().getActiveWindow() != window) {
            return false;
        }
        boolean tab = e.getKeyCode() == KeyEvent.VK_TAB;
        boolean close = e.getKeyCode() == KeyEvent.VK_W && (e.getModifiersEx() & InputEvent.SHIFT_DOWN_MASK) == 0;
        if (!tab && !close) {
            return false;
        }
        // Act on the press; swallow the release too, so nothing else half-sees the shortcut.
        if (e.getID() == KeyEvent.KEY_PRESSED && tabs.getTabCount() > 0) {
            int selected = tabs.getSelectedIndex();
            if (close) {
                closeTab.accept(selected);
            } else {
                int step = e.isShiftDown() ? -1 : 1;
                tabs.setSelectedIndex(Math.floorMod(selected + step, tabs.getTabCount()));
            }
        }
        return true;
    }
}
