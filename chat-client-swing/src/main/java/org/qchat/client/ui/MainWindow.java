package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.List;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JList;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Contact;
import org.qchat.client.core.model.ContactList;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.ConversationList;
import org.qchat.client.core.model.GroupDirectory;
import org.qchat.client.core.model.Names;
import org.qchat.client.core.model.UserDirectory;
import org.qchat.client.i18n.I18n;
import org.qchat.client.ui.media.ScreenCapture;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.GroupInfo;

/**
 * The friend list window: header, search box, and the Friends, Groups and Recent tabs. Renders
 * the models and forwards double-clicks and menu choices; nothing else.
 */
public final class MainWindow extends JFrame {

    private final ChatClient client;
    private final UiActions actions;
    private final Bindings bindings = new Bindings();
    private final JTextField search = new JTextField();
    private final JTabbedPane tabs = new JTabbedPane();
    private final HintList friends = new HintList(new EntryListModel());
    private final HintList groups = new HintList(new EntryListModel());
    private final HintList recent = new HintList(new EntryListModel());
    private final MessageSearchPanel messageSearch;

    public MainWindow(ChatClient client, UiActions actions) {
        super(I18n.tr("app.name"));
        this.client = client;
        this.actions = actions;
        this.messageSearch = new MessageSearchPanel(client, actions::openMessage, this::messagesFound);
        setName(ComponentNames.MAIN_WINDOW);
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                actions.mainWindowClosing();
            }
        });
        setJMenuBar(menuBar());

        JPanel top = new JPanel(new BorderLayout());
        top.add(new HeaderPanel(client, actions, bindings), BorderLayout.NORTH);
        top.add(searchRow(), BorderLayout.SOUTH);

        friends.setName(ComponentNames.MAIN_FRIENDS);
        groups.setName(ComponentNames.MAIN_GROUPS);
        recent.setName(ComponentNames.MAIN_RECENT);
        JPanel friendsTab = new JPanel(new BorderLayout());
        friendsTab.add(new FriendRequestsPanel(client, bindings), BorderLayout.NORTH);
        friendsTab.add(scroll(friends), BorderLayout.CENTER);
        tabs.setName(ComponentNames.MAIN_TABS);
        tabs.addTab(I18n.tr("main.tab.friends"), friendsTab);
        tabs.addTab(I18n.tr("main.tab.groups"), scroll(groups));
        tabs.addTab(I18n.tr("main.tab.recent"), scroll(recent));
        tabs.addTab(I18n.tr("main.tab.messages"), messageSearch);
        tabs.putClientProperty("JTabbedPane.tabAreaAlignment", "fill");
        // One row whatever the language: wrapped rows swap places when another tab is chosen.
        tabs.setTabLayoutPolicy(JTabbedPane.SCROLL_TAB_LAYOUT);
        for (JList<ListEntry> list : List.of(friends, groups, recent)) {
            setUpList(list);
        }
        installContextMenus();

        JPanel content = new JPanel(new BorderLayout());
        content.add(top, BorderLayout.NORTH);
        content.add(tabs, BorderLayout.CENTER);
        setContentPane(content);
        // QQ's screenshot key works here too, for the friend, group or conversation selected.
        getRootPane().registerKeyboardAction(e -> captureForSelected(), ScreenCapture.SHORTCUT,
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        getRootPane().registerKeyboardAction(e -> focusSearch(), KeyStroke.getKeyStroke(KeyEvent.VK_F,
                java.awt.Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx()), JComponent.WHEN_IN_FOCUSED_WINDOW);
        setMinimumSize(new Dimension(300, 480));
        setSize(new Dimension(360, 680));

        bind();
        refreshAll();
    }

    private JMenuBar menuBar() {
        JMenuBar bar = new JMenuBar();
        JMenu app = new JMenu(I18n.tr("menu.app"));
        app.add(item(ComponentNames.MENU_PROFILE, "menu.profile", actions::showProfile));
        app.add(item(ComponentNames.MENU_SETTINGS, "menu.settings", actions::showSettings));
        app.add(item(ComponentNames.MENU_CHANGE_PASSWORD, "menu.changePassword", actions::showChangePassword));
        app.add(item(ComponentNames.MENU_BLOCKED, "menu.blocked", actions::showBlockedUsers));
        if (client.session().isAdmin()) {
            app.add(item(ComponentNames.MENU_ADMIN, "menu.admin", actions::showAdmin));
        }
        app.addSeparator();
        app.add(item(ComponentNames.MENU_LOGOUT, "menu.logout", actions::logout));
        app.add(item(ComponentNames.MENU_QUIT, "menu.quit", actions::quit));
        JMenu contacts = new JMenu(I18n.tr("menu.contacts"));
        contacts.add(item(ComponentNames.MENU_ADD_FRIEND, "menu.addFriend", actions::showAddFriend));
        contacts.add(item(ComponentNames.MENU_CREATE_GROUP, "menu.createGroup", actions::showCreateGroup));
        contacts.add(item(ComponentNames.MENU_JOIN_GROUP, "menu.joinGroup", actions::showJoinGroup));
        bar.add(app);
        bar.add(contacts);
        return bar;
    }

    private static JMenuItem item(String name, String key, Runnable action) {
        JMenuItem item = new JMenuItem(I18n.tr(key));
        item.setName(name);
        item.addActionListener(e -> action.run());
        return item;
    }

    private JPanel searchRow() {
        search.setName(ComponentNames.MAIN_SEARCH);
        search.putClientProperty("JTextField.placeholderText", I18n.tr("main.search.placeholder"));
        search.putClientProperty("JTextField.showClearButton", true);
        search.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                refreshAll();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                refreshAll();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                refreshAll();
            }
        });
        JButton add = new JButton("+");
        add.setName(ComponentNames.MAIN_ADD);
        add.setToolTipText(I18n.tr("main.add.tooltip"));
        add.setFont(add.getFont().deriveFont(Font.BOLD, add.getFont().getSize2D() + 2f));
        JPopupMenu menu = new JPopupMenu();
        menu.add(item(ComponentNames.MENU_ADD_FRIEND, "menu.addFriend", actions::showAddFriend));
        menu.add(item(ComponentNames.MENU_CREATE_GROUP, "menu.createGroup", actions::showCreateGroup));
        menu.add(item(ComponentNames.MENU_JOIN_GROUP, "menu.joinGroup", actions::showJoinGroup));
        add.addActionListener(e -> menu.show(add, 0, add.getHeight()));
        JPanel row = new JPanel(new BorderLayout(6, 0));
        row.setBorder(BorderFactory.createEmptyBorder(0, 12, 10, 12));
        row.add(search, BorderLayout.CENTER);
        row.add(add, BorderLayout.EAST);
        return row;
    }

    private static JScrollPane scroll(JList<ListEntry> list) {
        JScrollPane pane = new JScrollPane(list);
        pane.setBorder(BorderFactory.createEmptyBorder());
        pane.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        return pane;
    }

    private void setUpList(JList<ListEntry> list) {
        EntryRenderer.install(list);
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && SwingUtilities.isLeftMouseButton(e)) {
                    int index = list.locationToIndex(e.getPoint());
                    if (index >= 0 && list.getCellBounds(index, index).contains(e.getPoint())) {
                        open(list.getModel().getElementAt(index));
                    }
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
    }

    private void open(ListEntry entry) {
        if (entry.convId() > 0) {
            actions.openConversation(entry.convId());
        }
    }

    private void focusSearch() {
        search.requestFocusInWindow();
        search.selectAll();
    }

    /** The chat history search answered: count it in its tab, and show it if the other lists have nothing. */
    private void messagesFound(int count) {
        tabs.setTitleAt(3, count > 0 ? I18n.tr("main.tab.messages.count", Texts.count(count))
                : I18n.tr("main.tab.messages"));
        int selected = tabs.getSelectedIndex();
        if (count > 0 && selected < 3 && List.of(friends, groups, recent).get(selected).getModel().getSize() == 0) {
            tabs.setSelectedIndex(3);
        }
    }

    private void captureForSelected() {
        if (tabs.getSelectedIndex() >= 3) {
            return; // the chat history search: no friend or group is selected there
        }
        JList<ListEntry> shown = List.of(friends, groups, recent).get(tabs.getSelectedIndex());
        ListEntry entry = shown.getSelectedValue();
        if (entry != null && entry.convId() > 0) {
            actions.captureScreen(entry.convId());
        }
    }

    private void installContextMenus() {
        friends.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                popup(e);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                popup(e);
            }

            private void popup(MouseEvent e) {
                if (!e.isPopupTrigger()) {
                    return;
                }
                int index = friends.locationToIndex(e.getPoint());
                if (index < 0) {
                    return;
                }
                friends.setSelectedIndex(index);
                ListEntry entry = friends.getModel().getElementAt(index);
                Contact contact = (Contact) entry.payload();
                JPopupMenu menu = new JPopupMenu();
                menu.add(item(ComponentNames.FRIEND_MESSAGE, "friend.message", () -> open(entry)));
                menu.add(item(ComponentNames.FRIEND_REMARK, "friend.remark",
                        () -> RemarkDialog.ask(MainWindow.this, client, contact)));
                menu.add(item(ComponentNames.FRIEND_REMOVE, "friend.remove", () -> removeFriend(contact)));
                menu.add(BlockActions.item(MainWindow.this, client, contact.user()));
                menu.show(friends, e.getX(), e.getY());
            }
        });
        recent.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                popup(e);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                popup(e);
            }

            private void popup(MouseEvent e) {
                int index = recent.locationToIndex(e.getPoint());
                if (e.isPopupTrigger() && index >= 0
                        && recent.getModel().getElementAt(index).payload() instanceof Conversation conv && !conv.isSystem()) {
                    recent.setSelectedIndex(index);
                    ConversationMenu.of(MainWindow.this, client, conv).show(recent, e.getX(), e.getY());
                }
            }
        });
    }

    private void removeFriend(Contact contact) {
        if (Dialogs.confirm(this, I18n.tr("friend.remove.confirm", contact.displayName()), I18n.tr("friend.remove"))) {
            Dialogs.whenDone(client.removeFriend(contact.userId()), Action.FRIEND_REMOVE, this, null, v -> {
            });
        }
    }

    private void bind() {
        ContactList.Listener contacts = this::refreshAll;
        client.contacts().addListener(contacts);
        bindings.add(() -> client.contacts().removeListener(contacts));
        GroupDirectory.Listener groupsListener = this::refreshAll;
        client.groups().addListener(groupsListener);
        bindings.add(() -> client.groups().removeListener(groupsListener));
        ConversationList.Listener convs = c -> refreshAll();
        client.conversations().addListener(convs);
        bindings.add(() -> client.conversations().removeListener(convs));
        org.qchat.client.core.model.BlockedUsers.Listener blocked = this::refreshAll;
        client.account().blocked().addListener(blocked);
        bindings.add(() -> client.account().blocked().removeListener(blocked));
        UserDirectory.Listener users = this::refreshAll;
        client.users().addListener(users);
        bindings.add(() -> client.users().removeListener(users));
    }

    /**
     * Rebuilds the three lists from the models. Cheap for the sizes a person has, and it keeps
     * every view consistent without tracking which model changed how. Coalesced: a burst of model
     * events (a page of pulled messages) costs one rebuild.
     */
    private boolean refreshQueued;

    private void refreshAll() {
        if (refreshQueued) {
            return;
        }
        refreshQueued = true;
        SwingUtilities.invokeLater(() -> {
            refreshQueued = false;
            rebuildLists();
        });
    }

    private void rebuildLists() {
        String query = search.getText();
        messageSearch.search(query);
        List<ListEntry> friendEntries = new ArrayList<>();
        for (Contact c : client.contacts().filtered(query)) {
            int unread = client.conversations().get(c.convId()).map(Conversation::unreadCount).orElse(0);
            String signature = ContactLine.of(c, client.account().blocked().contains(c.userId()));
            friendEntries.add(new ListEntry("u" + c.userId(), c.convId(),
                    Avatars.withPresence(Avatars.user(c.userId(), c.displayName(), 36), c.online()),
                    RemarkDialog.titleOf(c), signature, "", unread, !c.online(), c));
        }
        ((EntryListModel) friends.getModel()).replace(friendEntries, friends);

        List<ListEntry> groupEntries = new ArrayList<>();
        for (GroupInfo g : client.groups().filtered(query)) {
            int unread = client.conversations().get(g.convId()).map(Conversation::unreadCount).orElse(0);
            String sub = I18n.tr("group.summary", g.memberCount(), Texts.role(g.role()));
            groupEntries.add(new ListEntry("g" + g.groupId(), g.convId(), Avatars.group(g.groupId(), g.name(), 36),
                    g.name(), sub, "", unread, false, g));
        }
        ((EntryListModel) groups.getModel()).replace(groupEntries, groups);

        List<ListEntry> recentEntries = new ArrayList<>();
        for (Conversation conv : client.conversations().recent()) {
            String title = Texts.conversationTitle(client, conv);
            if (!Names.matches(query, title)) {
                continue;
            }
            String preview = conv.lastMessage().map(m -> previewOf(conv, m)).orElse("");
            if (conv.hasUnreadMention()) {
                preview = I18n.tr("recent.mentioned") + " " + preview;
            }
            recentEntries.add(new ListEntry("c" + conv.convId(), conv.convId(), iconOf(conv, title), title, preview,
                    Texts.shortTime(conv.lastActivity()), conv.unreadCount(), false, conv));
        }
        ((EntryListModel) recent.getModel()).replace(recentEntries, recent);
        boolean searching = !query.isBlank();
        friends.setHint(I18n.tr(searching ? "main.empty.search" : "main.empty.friends"));
        groups.setHint(I18n.tr(searching ? "main.empty.search" : "main.empty.groups"));
        recent.setHint(I18n.tr(searching ? "main.empty.search" : "main.empty.recent"));

        int unreadTotal = client.conversations().totalUnread();
        tabs.setTitleAt(2, unreadTotal > 0 ? I18n.tr("main.tab.recent.unread", Texts.count(unreadTotal))
                : I18n.tr("main.tab.recent"));
        int online = (int) client.contacts().onlineCount();
        tabs.setTitleAt(0, I18n.tr("main.tab.friends.count", online, client.contacts().size()));
    }

    private String previewOf(Conversation conv, ChatMessage m) {
        if (m.isRecalled()) {
            return RecalledLine.words(m, client.session().myId(), Texts.userName(client, m.extras().recalledBy()));
        }
        if (m.isSystemLine()) {
            return Texts.preview(SystemLineText.of(client, m), 40);
        }
        String text = Texts.preview(m, 40);
        if (m.senderId() == client.session().myId()) {
            return I18n.tr("recent.mine", text);
        }
        if (conv.kind() == ConversationKind.GROUP) {
            return I18n.tr("recent.sender", Texts.userName(client, m.senderId()), text);
        }
        return text;
    }

    private javax.swing.Icon iconOf(Conversation conv, String title) {
        if (conv.isSystem()) {
            return Avatars.system(36);
        }
        if (conv.kind() == ConversationKind.GROUP) {
            return Avatars.group(conv.convId(), title, 36);
        }
        long peer = conv.peerId() != null ? conv.peerId() : conv.convId();
        return Avatars.user(peer, title, 36);
    }

    /** The window title carries the unread total, like the taskbar entry of a messenger. */
    public void setUnreadTotal(int unread) {
        setTitle(unread > 0 ? I18n.tr("main.title.unread", I18n.tr("app.name"), Texts.count(unread))
                : I18n.tr("app.name"));
    }

    @Override
    public void dispose() {
        bindings.unbindAll();
        super.dispose();
    }
}
