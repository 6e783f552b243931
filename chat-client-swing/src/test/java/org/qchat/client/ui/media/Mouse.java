package org.qchat.client.ui.media;

import java.awt.Component;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.awt.event.MouseListener;
import java.awt.event.MouseMotionListener;

/**
 * Mouse events handed straight to a component's listeners, so that component tests run without a
 * window (dispatching needs one). Call on the event thread.
 */
final class Mouse {

    private Mouse() {
    }

    static void click(Component c, int x, int y) {
        press(c, x, y, 1, MouseEvent.BUTTON1);
        release(c, x, y, 1, MouseEvent.BUTTON1);
        for (MouseListener l : c.getMouseListeners()) {
            l.mouseClicked(event(c, MouseEvent.MOUSE_CLICKED, x, y, 1, MouseEvent.BUTTON1));
        }
    }

    static void press(Component c, int x, int y, int clicks, int button) {
        for (MouseListener l : c.getMouseListeners()) {
            l.mousePressed(event(c, MouseEvent.MOUSE_PRESSED, x, y, clicks, button));
        }
    }

    static void release(Component c, int x, int y, int clicks, int button) {
        for (MouseListener l : c.getMouseListeners()) {
            l.mouseReleased(event(c, MouseEvent.MOUSE_RELEASED, x, y, clicks, button));
        }
    }

    static void drag(Component c, int fromX, int fromY, int toX, int toY) {
        press(c, fromX, fromY, 1, MouseEvent.BUTTON1);
        int steps = 5;
        for (int i = 1; i <= steps; i++) {
            int x = fromX + (toX - fromX) * i / steps;
            int y = fromY + (toY - fromY) * i / steps;
            for (MouseMotionListener l : c.getMouseMotionListeners()) {
                l.mouseDragged(event(c, MouseEvent.MOUSE_DRAGGED, x, y, 0, MouseEvent.BUTTON1));
            }
        }
        release(c, toX, toY, 1, MouseEvent.BUTTON1);
    }

    static void move(Component c, int x, int y) {
        for (MouseMotionListener l : c.getMouseMotionListeners()) {
            l.mouseMoved(event(c, MouseEvent.MOUSE_MOVED, x, y, 0, MouseEvent.NOBUTTON));
        }
    }

    private static MouseEvent event(Component c, int id, int x, int y, int clicks, int button) {
        int modifiers = switch (button) {
            case MouseEvent.BUTTON1 -> InputEvent.BUTTON1_DOWN_MASK;
            case MouseEvent.BUTTON3 -> InputEvent.BUTTON3_DOWN_MASK;
            default -> 0;
        };
        // With the screen position given, the event does not ask the component for its own (which needs a window).
        return new MouseEvent(c, id, System.currentTimeMillis(), modifiers, x, y, x, y, clicks,
                button == MouseEvent.BUTTON3, button);
    }
}
