package org.qchat.client.ui;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.swing.DefaultListModel;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.text.JTextComponent;
import javax.swing.ListSelectionModel;
import javax.swing.Popup;
import javax.swing.PopupFactory;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.BadLocationException;

/**
 * "@" completion in a group's compose box: typing "@" opens a list of the group's members, filtered
 * by what follows the "@" (anywhere in the nickname or username); Enter, Tab or a click puts
 * "@Nickname " in the text and remembers whom it names. The list takes no focus: the keys that
 * move in it are taken from the text box while it shows.
 */
final class MentionCompletion {

    /** The user id of the "@All" entry. */
    static final long ALL = -1;
    static final String LIST_NAME = "compose.mentions";
    private static final int MAX_ROWS = 8;

    /** One entry of the list: a member, or everyone ({@link #ALL}). */
    record Candidate(long userId, String name, String username) {
        boolean matches(String query) {
            String q = query.toLowerCase(Locale.ROOT);
            return name.toLowerCase(Locale.ROOT).contains(q)
                    || username != null && username.toLowerCase(Locale.ROOT).contains(q);
        }

        @Override
        public String toString() {
            return username == null || username.equals(name) ? name : name + " (" + username + ")";
        }
    }

    private final JTextComponent input;
    private final Supplier<List<Candidate>> candidates;
    private final DefaultListModel<Candidate> model = new DefaultListModel<>();
    private final JList<Candidate> list = new JList<>(model);
    private final Map<String, Long> inserted = new LinkedHashMap<>();
    private Popup popup;
    private int atOffset = -1;

    MentionCompletion(JTextComponent input, Supplier<List<Candidate>> candidates) {
        this.input = input;
        this.candidates = candidates;
        list.setName(LIST_NAME);
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setFocusable(false);
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int index = list.locationToIndex(e.getPoint());
                if (index >= 0) {
                    choose(model.get(index));
                }
            }
        });
        input.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                SwingUtilities.invokeLater(MentionCompletion.this::update);
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                SwingUtilities.invokeLater(MentionCompletion.this::update);
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
            }
        });
        input.addKeyListener(new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                if (isShowing()) {
                    onKey(e);
                }
            }
        });
        input.addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                hide();
            }
        });
    }

    private void onKey(KeyEvent e) {
        int selected = list.getSelectedIndex();
        switch (e.getKeyCode()) {
            case KeyEvent.VK_DOWN -> list.setSelectedIndex(Math.min(model.size() - 1, selected + 1));
            case KeyEvent.VK_UP -> list.setSelectedIndex(Math.max(0, selected - 1));
            case KeyEvent.VK_ENTER, KeyEvent.VK_TAB -> choose(list.getSelectedValue());
            case KeyEvent.VK_ESCAPE -> hide();
            default -> {
                return;
            }
        }
        list.ensureIndexIsVisible(list.getSelectedIndex());
        e.consume();
    }

    /** Shows, filters or hides the list for the text before the caret. */
    void update() {
        int caret = input.getCaretPosition();
        String before;
        try {
            before = input.getText(0, caret);
        } catch (BadLocationException e) {
            hide();
            return;
        }
        int at = before.lastIndexOf('@');
        if (at < 0 || (at > 0 && !Character.isWhitespace(before.charAt(at - 1)))) {
            hide();
            return;
        }
        String query = before.substring(at + 1);
        if (query.chars().anyMatch(Character::isWhitespace)) {
            hide();
            return;
        }
        List<Candidate> matching = new ArrayList<>();
        for (Candidate c : candidates.get()) {
            if (c.matches(query)) {
                matching.add(c);
            }
        }
        if (matching.isEmpty() || !input.isShowing()) {
            hide();
            return;
        }
        atOffset = at;
        model.clear();
        matching.forEach(model::addElement);
        list.setSelectedIndex(0);
        list.setVisibleRowCount(Math.min(MAX_ROWS, matching.size()));
        show();
    }

    private void show() {
        if (popup != null) {
            popup.hide();
        }
        Rectangle caret;
        try {
            caret = input.modelToView2D(atOffset).getBounds();
        } catch (BadLocationException e) {
            caret = new Rectangle(0, 0, 0, input.getHeight());
        }
        JScrollPane scroll = new JScrollPane(list);
        int height = scroll.getPreferredSize().height;
        Point at = new Point(caret.x, caret.y - height);
        SwingUtilities.convertPointToScreen(at, input);
        popup = PopupFactory.getSharedInstance().getPopup(input, scroll, at.x, at.y);
        popup.show();
    }

    void hide() {
        if (popup != null) {
            popup.hide();
            popup = null;
        }
        atOffset = -1;
    }

    boolean isShowing() {
        return popup != null;
    }

    JList<Candidate> list() {
        return list;
    }

    /** Puts "@Name " in place of the "@query" being typed and remembers whom it names. */
    void choose(Candidate candidate) {
        if (candidate == null || atOffset < 0) {
            hide();
            return;
        }
        int start = atOffset;
        int end = input.getCaretPosition();
        hide();
        input.select(start, end);
        input.replaceSelection("@" + candidate.name() + " ");
        inserted.put(candidate.name(), candidate.userId());
    }

    /** The members named in {@code text} by an "@Name" chosen from the list (not "@All"). */
    List<Long> mentionedIn(String text) {
        List<Long> ids = new ArrayList<>();
        inserted.forEach((name, id) -> {
            if (id != ALL && text.contains("@" + name) && !ids.contains(id)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Whether {@code text} still holds an "@All" chosen from the list. */
    boolean mentionsAllIn(String text) {
        return inserted.entrySet().stream().anyMatch(e -> e.getValue() == ALL && text.contains("@" + e.getKey()));
    }

    /** Forgets whom earlier text named (it was sent). */
    void reset() {
        inserted.clear();
        hide();
    }
}
