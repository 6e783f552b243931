package org.qchat.client.ui;

import java.awt.Dimension;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JTabbedPane;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.ConversationList;
import org.qchat.client.core.model.UserDirectory;
import org.qchat.client.i18n.I18n;
import org.qchat.client.ui.media.ScreenCapture;
import org.qchat.protocol.model.ConversationKind;

/**
 * All open conversations, one tab each.
 *
 * <p>Why tabs in one window rather than a window per conversation: chatting with several people
 * at once stays one tidy window (QQ's "merged" mode), a background tab's title carries its unread
 * badge, and there is exactly one place for the keyboard focus — which is how the client tells
 * whether a conversation is being read. It also gives GUI tests a single frame to drive.
 *
 * <p>A conversation counts as being read while its tab is selected and this window has the focus;
 * the client then marks its messages read.
 */
public final class ChatWindow extends JFrame {

    private final ChatClient client;
    private final UiActions actions;
    private final ChatMedia media;
    private final JTabbedPane tabs = new JTabbedPane();
    private final Map<Long, ConversationPanel> panels = new LinkedHashMap<>();
    private final Bindings bindings = new Bindings();

    ChatWindow(ChatClient client, UiActions actions, ChatMedia media) {
        super(I18n.tr("chat.window.title"));
        this.client = client;
        this.actions = actions;
        this.media = media;
        setName(ComponentNames.CHAT_WINDOW);
        tabs.setName(ComponentNames.CHAT_TABS);
        tabs.setTabLayoutPolicy(JTabbedPane.SCROLL_TAB_LAYOUT);
        tabs.putClientProperty("JTabbedPane.tabClosable", true);
        tabs.putClientProperty("JTabbedPane.tabCloseToolTipText", I18n.tr("chat.tab.close"));
        tabs.putClientProperty("JTabbedPane.tabCloseCallback", (IntConsumer) this::closeTab);
        tabs.addChangeListener(e -> {
            updateViewing();
            updateTitle();
            ConversationPanel selected = selected();
            if (selected != null) {
                selected.focusInput();
            }
        });
        setContentPane(tabs);
        // QQ's screenshot key, for the conversation in front.
        getRootPane().registerKeyboardAction(e -> {
            ConversationPanel selected = selected();
            if (selected != null) {
                selected.captureScreen();
            }
        }, ScreenCapture.SHORTCUT, JComponent.WHEN_IN_FOCUSED_WINDOW);
        bindings.add(TabKeys.install(this, tabs, this::closeTab));
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                closeAll();
            }

            @Override
            public void windowIconified(WindowEvent e) {
                updateViewing();
            }

            @Override
            public void windowDeiconified(WindowEvent e) {
                updateViewing();
            }
        });
        addWindowFocusListener(new WindowAdapter() {
            @Override
            public void windowGainedFocus(WindowEvent e) {
                updateViewing();
            }

            @Override
            public void windowLostFocus(WindowEvent e) {
                updateViewing();
            }
        });
        ConversationList.Listener listener = c -> updateTabTitle(c.convId());
        client.conversations().addListener(listener);
        bindings.add(() -> client.conversations().removeListener(listener));
        UserDirectory.Listener names = () -> panels.keySet().forEach(this::updateTabTitle);
        client.users().addListener(names);
        bindings.add(() -> client.users().removeListener(names));
        setMinimumSize(new Dimension(480, 420));
        setSize(new Dimension(820, 640));
    }

    /** Shows the conversation's tab (creating it) and brings the window to the front. */
    public void open(long convId) {
        ConversationPanel panel = panels.get(convId);
        if (panel == null) {
            Conversation conv = client.conversations().get(convId)
                    .orElseGet(() -> client.conversations().ensure(convId, convId == ConversationList.SYSTEM_CONV_ID
                            ? ConversationKind.SYSTEM : null));
            panel = new ConversationPanel(client, conv, actions, media);
            panels.put(convId, panel);
            tabs.addTab("", panel);
            updateTabTitle(convId);
        }
        if (!isVisible()) {
            setVisible(true);
        }
        setExtendedState(getExtendedState() & ~ICONIFIED);
        tabs.setSelectedComponent(panel);
        toFront();
        requestFocus();
        updateViewing();
        panel.focusInput();
    }

    /** Opens the conversation's tab at one of its messages, loading what surrounds it if needed. */
    public void openAt(long convId, long seq) {
        open(convId);
        ConversationPanel panel = panels.get(convId);
        if (panel != null) {
            panel.showMessage(seq);
        }
    }

    /** The conversations with a tab, in tab order. */
    public List<Long> openConversations() {
        return List.copyOf(panels.keySet());
    }

    public boolean isOpen(long convId) {
        return panels.containsKey(convId);
    }

    private ConversationPanel selected() {
        return tabs.getSelectedComponent() instanceof ConversationPanel p ? p : null;
    }

    private void closeTab(int index) {
        ConversationPanel panel = (ConversationPanel) tabs.getComponentAt(index);
        client.setViewing(panel.convId(), false);
        panels.remove(panel.convId());
        tabs.removeTabAt(index);
        panel.dispose();
        if (panels.isEmpty()) {
            setVisible(false);
        }
    }

    private void closeAll() {
        for (ConversationPanel panel : List.copyOf(panels.values())) {
            client.setViewing(panel.convId(), false);
            panel.dispose();
        }
        panels.clear();
        tabs.removeAll();
        setVisible(false);
    }

    /** Tells the client which conversation (at most one) the user is reading right now. */
    private void updateViewing() {
        ConversationPanel selected = selected();
        boolean reading = isVisible() && isFocused() && (getExtendedState() & ICONIFIED) == 0;
        for (ConversationPanel panel : panels.values()) {
            client.setViewing(panel.convId(), reading && panel == selected);
        }
    }

    private void updateTabTitle(long convId) {
        ConversationPanel panel = panels.get(convId);
        if (panel == null) {
            return;
        }
        int index = tabs.indexOfComponent(panel);
        Conversation conv = panel.conversation();
        String title = Texts.conversationTitle(client, conv);
        int unread = conv.unreadCount();
        tabs.setTitleAt(index, unread > 0 ? I18n.tr("chat.tab.unread", title, Texts.count(unread)) : title);
        tabs.setIconAt(index, conv.isSystem() ? Avatars.system(18)
                : conv.kind() == ConversationKind.GROUP ? Avatars.group(convId, title, 18)
                : Avatars.user(conv.peerId() != null ? conv.peerId() : convId, title, 18));
        if (panel == selected()) {
            updateTitle();
        }
    }

    private void updateTitle() {
        ConversationPanel selected = selected();
        setTitle(selected == null ? I18n.tr("chat.window.title")
                : I18n.tr("chat.window.titleWith", Texts.conversationTitle(client, selected.conversation())));
    }

    @Override
    public void dispose() {
        closeAll();
        bindings.unbindAll();
        super.dispose();
    }
}
