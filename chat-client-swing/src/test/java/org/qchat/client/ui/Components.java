package org.qchat.client.ui;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenu;
import javax.swing.JTabbedPane;
import javax.swing.text.JTextComponent;

/**
 * Finding the client's components by name ({@link ComponentNames}) and reading what they show,
 * for the GUI tests and the screenshot tour. Call on the Swing event thread.
 */
final class Components {

    private Components() {
    }

    /** The first component named {@code name} under {@code root}, depth first (into closed menus too); null if none. */
    static Component find(Component root, String name) {
        if (root == null) {
            return null;
        }
        if (name.equals(root.getName())) {
            return root;
        }
        for (Component child : children(root)) {
            Component hit = find(child, name);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    /** Every component under {@code root} named {@code name}, depth first. */
    static List<Component> all(Component root, String name) {
        List<Component> out = new ArrayList<>();
        if (name.equals(root.getName())) {
            out.add(root);
        }
        for (Component child : children(root)) {
            out.addAll(all(child, name));
        }
        return out;
    }

    /** How many components under {@code root} are named {@code name}. */
    static int count(Component root, String name) {
        int n = name.equals(root.getName()) ? 1 : 0;
        for (Component child : children(root)) {
            n += count(child, name);
        }
        return n;
    }

    /** What every label or text component named {@code name} under {@code root} shows, in layout order. */
    static List<String> texts(Component root, String name) {
        List<String> texts = new ArrayList<>();
        collect(root, c -> name.equals(c.getName()), texts);
        return texts;
    }

    /** What every label under {@code root} shows, in layout order. */
    static List<String> labels(Component root) {
        List<String> texts = new ArrayList<>();
        collect(root, c -> c instanceof JLabel, texts);
        return texts;
    }

    /** The rows of a main-window or dialog list. */
    static List<ListEntry> entries(JList<?> list) {
        List<ListEntry> entries = new ArrayList<>();
        for (int i = 0; i < list.getModel().getSize(); i++) {
            entries.add((ListEntry) list.getModel().getElementAt(i));
        }
        return entries;
    }

    /** The titles of a list's rows, top to bottom. */
    static List<String> titles(JList<?> list) {
        return entries(list).stream().map(ListEntry::title).toList();
    }

    /** A conversation's tab in the chat window (named {@code chat.conversation.<convId>}), or null. */
    static Container conversation(Component chatWindow, long convId) {
        return (Container) find(chatWindow, "chat.conversation." + convId);
    }

    /** The conversation whose tab is selected in the chat window, or -1. */
    static long selectedConversation(Component chatWindow) {
        JTabbedPane tabs = (JTabbedPane) find(chatWindow, ComponentNames.CHAT_TABS);
        return tabs != null && tabs.getSelectedComponent() instanceof ConversationPanel p ? p.convId() : -1;
    }

    /** The message texts shown in a conversation's tab, top to bottom. */
    static List<String> messages(Component chatWindow, long convId) {
        Container panel = conversation(chatWindow, convId);
        if (panel == null) {
            throw new AssertionError("no tab for conversation " + convId);
        }
        return texts(panel, ComponentNames.MESSAGE_TEXT);
    }

    /**
     * The delivery state of each of my messages under {@code root}, in words: "Sending…" under a
     * clock, "Sent" once the server stored it — whatever its tick or "N read" says of the peers
     * since — and a failure's own text.
     */
    static List<String> deliveryStates(Component root) {
        List<String> out = new ArrayList<>();
        collectStates(root, out);
        return out;
    }

    /** One message's delivery state, as {@link #deliveryStates} words it. */
    static String deliveryState(JLabel state) {
        if (state.getIcon() instanceof StatusIcons.Drawn drawn) {
            return org.qchat.client.i18n.I18n.tr("sending".equals(drawn.description()) ? "message.sending" : "message.sent");
        }
        String text = state.getText();
        boolean readBy = text != null && text.equals(org.qchat.client.i18n.I18n.tr("message.readBy",
                text.replaceAll("\\D", "")));
        return readBy ? org.qchat.client.i18n.I18n.tr("message.sent") : text;
    }

    /**
     * The tick drawn under each of my messages under {@code root}, top to bottom: "sending",
     * "sent", "delivered" or "read" ("" where the line shows words instead: a failure, "N read").
     */
    static List<String> ticks(Component root) {
        List<String> out = new ArrayList<>();
        collectTicks(root, out);
        return out;
    }

    private static void collectTicks(Component c, List<String> out) {
        if (ComponentNames.MESSAGE_STATE.equals(c.getName()) && c instanceof JLabel label) {
            out.add(label.getIcon() instanceof StatusIcons.Drawn drawn ? drawn.description() : "");
        }
        for (Component child : children(c)) {
            collectTicks(child, out);
        }
    }

    private static void collectStates(Component c, List<String> out) {
        if (ComponentNames.MESSAGE_STATE.equals(c.getName()) && c instanceof JLabel label) {
            out.add(deliveryState(label));
        }
        for (Component child : children(c)) {
            collectStates(child, out);
        }
    }

    private static Component[] children(Component c) {
        // A menu's items live in its popup, which joins the component tree only while open.
        return c instanceof JMenu menu ? menu.getMenuComponents()
                : c instanceof Container container ? container.getComponents() : new Component[0];
    }

    private static void collect(Component c, java.util.function.Predicate<Component> wanted, List<String> out) {
        if (wanted.test(c) && (c instanceof JLabel || c instanceof JTextComponent)) {
            out.add(c instanceof JLabel l ? l.getText() : ((JTextComponent) c).getText());
        }
        for (Component child : children(c)) {
            collect(child, wanted, out);
        }
    }
}
