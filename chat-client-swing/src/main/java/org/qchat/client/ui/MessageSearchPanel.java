package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.function.IntConsumer;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.ListCellRenderer;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.history.Snippet;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.MessageInfo;

/**
 * The messages found in the chat history kept on this computer, for what is typed in the main
 * window's search box: conversation, sender, time, and the words around the match with the match
 * marked. Choosing one opens its conversation at that message.
 */
final class MessageSearchPanel extends JPanel {

    /** Component name of the results list. */
    static final String RESULTS = "main.search.messages";
    /** Typing pauses this long before the disk is searched. */
    private static final int PAUSE_MS = 250;
    private static final int SNIPPET_CONTEXT = 24;

    /** One found message, with what its row shows. */
    record Found(MessageInfo message, String conversation, String sender, String time, Snippet snippet) {
    }

    /** Where a chosen message is shown. */
    interface Opener {
        void open(long convId, long seq);
    }

    private final ChatClient client;
    private final Opener opener;
    private final IntConsumer foundCount;
    private final DefaultListModel<Found> model = new DefaultListModel<>();
    private final JList<Found> list = new JList<>(model);
    private final JLabel status = new JLabel(" ", JLabel.CENTER);
    private final Timer pause;
    private String query = "";
    /** Answers to earlier queries that arrive late are dropped. */
    private int generation;

    MessageSearchPanel(ChatClient client, Opener opener, IntConsumer foundCount) {
        super(new BorderLayout());
        this.client = client;
        this.opener = opener;
        this.foundCount = foundCount;
        list.setName(RESULTS);
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new FoundRenderer());
        list.setFixedCellWidth(120);
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int index = list.locationToIndex(e.getPoint());
                if (e.getClickCount() == 2 && SwingUtilities.isLeftMouseButton(e) && index >= 0
                        && list.getCellBounds(index, index).contains(e.getPoint())) {
                    open(model.get(index));
                }
            }
        });
        list.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "open");
        list.getActionMap().put("open", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                if (list.getSelectedValue() != null) {
                    open(list.getSelectedValue());
                }
            }
        });
        status.setForeground(Theme.secondaryText());
        status.setBorder(BorderFactory.createEmptyBorder(10, 10, 10, 10));
        JScrollPane scroll = new JScrollPane(list);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        add(status, BorderLayout.NORTH);
        add(scroll, BorderLayout.CENTER);
        pause = new Timer(PAUSE_MS, e -> runSearch());
        pause.setRepeats(false);
        showStatus();
    }

    /** What the search box says now; the search runs once typing pauses. */
    void search(String text) {
        String next = text == null ? "" : text.strip();
        if (next.equals(query)) {
            return;
        }
        query = next;
        generation++;
        if (query.isEmpty()) {
            pause.stop();
            model.clear();
            foundCount.accept(0);
            showStatus();
        } else {
            pause.restart();
        }
    }

    private void runSearch() {
        int asked = ++generation;
        String q = query;
        client.searchHistory(q).whenComplete((found, failure) -> {
            if (asked != generation) {
                return;
            }
            model.clear();
            if (failure == null) {
                found.forEach(m -> model.addElement(describe(m, q)));
            }
            foundCount.accept(model.size());
            showStatus();
        });
    }

    private Found describe(MessageInfo m, String q) {
        String conversation = client.conversations().get(m.convId())
                .map(c -> Texts.conversationTitle(client, c))
                .orElseGet(() -> I18n.tr("conversation.unknown", Long.toString(m.convId())));
        String words = m.file() != null ? m.file().name() : m.text();
        return new Found(m, conversation, Texts.userName(client, m.senderId()), Texts.time(m.time()),
                Snippet.around(Glyphs.safe(words), q, SNIPPET_CONTEXT));
    }

    private void showStatus() {
        String key = query.isEmpty() ? "main.messages.hint" : model.isEmpty() ? "main.messages.none" : null;
        status.setText(key == null ? "" : "<html>" + Texts.html(I18n.tr(key)) + "</html>");
        status.setVisible(key != null);
    }

    private void open(Found found) {
        opener.open(found.message().convId(), found.message().seq());
    }

    /** Two lines: "conversation · sender" and the time, then the words with the match marked. */
    private static final class FoundRenderer implements ListCellRenderer<Found> {
        private final JPanel panel = new JPanel(new BorderLayout(8, 2));
        private final JLabel from = new JLabel();
        private final JLabel time = new JLabel();
        private final JLabel words = new JLabel();

        FoundRenderer() {
            panel.setBorder(BorderFactory.createEmptyBorder(6, 10, 6, 10));
            panel.add(from, BorderLayout.CENTER);
            panel.add(time, BorderLayout.EAST);
            panel.add(words, BorderLayout.SOUTH);
        }

        @Override
        public Component getListCellRendererComponent(JList<? extends Found> list, Found found, int index,
                                                      boolean selected, boolean focused) {
            Color fg = selected ? UIManager.getColor("List.selectionForeground") : list.getForeground();
            panel.setBackground(selected ? UIManager.getColor("List.selectionBackground") : list.getBackground());
            // In a private chat the conversation is named after the friend: say it once.
            from.setText(found.conversation().equals(found.sender()) ? found.conversation()
                    : I18n.tr("search.result.from", found.conversation(), found.sender()));
            from.setFont(list.getFont().deriveFont(Font.BOLD));
            from.setForeground(fg);
            time.setText(found.time());
            time.setForeground(selected ? fg : Theme.secondaryText());
            Snippet s = found.snippet();
            words.setText("<html>" + Texts.html(s.beforeMatch()) + "<span style='background:#ffe58f;color:#000000'>"
                    + Texts.html(s.match()) + "</span>" + Texts.html(s.afterMatch()) + "</html>");
            words.setForeground(selected ? fg : Theme.secondaryText());
            return panel;
        }
    }
}
