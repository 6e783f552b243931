package org.qchat.client.ui;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.Taskbar;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;

import org.qchat.client.core.Alerts;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.ClientEvents;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.ConversationList;
import org.qchat.client.core.model.Names;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.FriendRequestInfo;
import org.qchat.protocol.model.UserInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the user's attention: the unread total in the main window title, the tray icon and the
 * taskbar badge where the desktop has them; a short notice (tray message, else a {@link Toast})
 * for a message in a conversation the user is not looking at, an announcement, a friend request.
 */
final class Notifier implements ClientEvents {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final ChatClient client;
    private final UiActions actions;
    private final ConversationList.Listener unreadListener = c -> updateUnread();
    private MainWindow mainWindow;
    private TrayIcon trayIcon;
    private int shownUnread = -1;
    private java.util.function.BooleanSupplier soundOn = () -> false;

    Notifier(ChatClient client, UiActions actions) {
        this.client = client;
        this.actions = actions;
    }

    void install() {
        client.addEventListener(this);
        client.conversations().addListener(unreadListener);
        if (SystemTray.isSupported()) {
            try {
                trayIcon = new TrayIcon(trayImage(0), I18n.tr("app.name"));
                trayIcon.setImageAutoSize(true);
                trayIcon.addActionListener(e -> actions.showMainWindow());
                trayIcon.setPopupMenu(trayMenu());
                SystemTray.getSystemTray().add(trayIcon);
            } catch (AWTException | UnsupportedOperationException e) {
                log.info("no system tray: {}", e.toString());
                trayIcon = null;
            }
        }
    }

    /** Open and Quit: with the main window closed to the tray, this is the way back, and out. */
    private java.awt.PopupMenu trayMenu() {
        java.awt.PopupMenu menu = new java.awt.PopupMenu();
        java.awt.MenuItem open = new java.awt.MenuItem(I18n.tr("tray.open"));
        open.addActionListener(e -> actions.showMainWindow());
        java.awt.MenuItem quit = new java.awt.MenuItem(I18n.tr("tray.quit"));
        quit.addActionListener(e -> actions.quit());
        menu.add(open);
        menu.addSeparator();
        menu.add(quit);
        return menu;
    }

    void uninstall() {
        client.removeEventListener(this);
        client.conversations().removeListener(unreadListener);
        if (trayIcon != null) {
            SystemTray.getSystemTray().remove(trayIcon);
            trayIcon = null;
        }
        setTaskbarBadge(0);
        Toast.closeAll();
    }

    /** Where the new-message sound switch is read (the user's settings). */
    void setSoundOn(java.util.function.BooleanSupplier soundOn) {
        this.soundOn = soundOn;
    }

    void setMainWindow(MainWindow mainWindow) {
        this.mainWindow = mainWindow;
        shownUnread = -1;
        updateUnread();
    }

    private void updateUnread() {
        int unread = client.conversations().totalUnread();
        if (unread == shownUnread) {
            return;
        }
        shownUnread = unread;
        if (mainWindow != null) {
            mainWindow.setUnreadTotal(unread);
        }
        if (trayIcon != null) {
            trayIcon.setImage(trayImage(unread));
            trayIcon.setToolTip(unread > 0 ? I18n.tr("tray.unread", unread) : I18n.tr("app.name"));
        }
        setTaskbarBadge(unread);
    }

    private static void setTaskbarBadge(int unread) {
        if (Taskbar.isTaskbarSupported() && Taskbar.getTaskbar().isSupported(Taskbar.Feature.ICON_BADGE_TEXT)) {
            Taskbar.getTaskbar().setIconBadge(unread > 0 ? Texts.count(unread) : null);
        }
    }

    @Override
    public void messageArrived(Conversation conv, ChatMessage message) {
        if (client.isViewing(conv.convId()) || message.isSystemLine() || !Alerts.wanted(conv, message)) {
            return; // a group's own changes are lines in its history, not worth a notice each
        }
        if (soundOn.getAsBoolean()) {
            NotificationSound.play();
        }
        String title = Texts.conversationTitle(client, conv);
        String body = Texts.preview(message, 80);
        if (conv.isSystem()) {
            title = "📢 " + I18n.tr("notice.announcement");
        } else if (conv.kind() == ConversationKind.GROUP) {
            body = I18n.tr("recent.sender", Texts.userName(client, message.senderId()), body);
        }
        javax.swing.Icon icon = conv.isSystem() ? Avatars.system(36)
                : conv.kind() == ConversationKind.GROUP ? Avatars.group(conv.convId(), title, 36)
                : Avatars.user(message.senderId(), title, 36);
        notice("conv:" + conv.convId(), icon, title, body, () -> actions.openConversation(conv.convId()));
        if (mainWindow != null && Taskbar.isTaskbarSupported()
                && Taskbar.getTaskbar().isSupported(Taskbar.Feature.USER_ATTENTION_WINDOW)) {
            Taskbar.getTaskbar().requestWindowUserAttention(mainWindow);
        }
    }

    @Override
    public void friendRequestReceived(FriendRequestInfo request) {
        UserInfo from = request.from();
        String note = request.note() == null || request.note().isBlank() ? "" : " — " + request.note();
        notice(Avatars.user(from.userId(), Names.display(from), 36), I18n.tr("notice.friendRequest.title"),
                I18n.tr("notice.friendRequest.body", Names.display(from)) + note, this::showMain);
    }

    @Override
    public void friendRequestAccepted(UserInfo friend) {
        String name = Names.display(friend);
        notice(Avatars.user(friend.userId(), name, 36), I18n.tr("notice.accepted.title"),
                I18n.tr("notice.accepted.body", name), this::showMain);
    }

    /** A notice of the app's own, e.g. the welcome for a new account. */
    void inform(String title, String body) {
        notice(Avatars.system(36), title, body, null);
    }

    /** Whether closing the main window can leave the app in the tray (the desktop has a tray and we are in it). */
    boolean hasTray() {
        return trayIcon != null;
    }

    @Override
    public void friendRequestDeclined(long userId) {
        String name = Texts.userName(client, userId);
        notice(Avatars.user(userId, name, 36), I18n.tr("notice.declined.title"),
                I18n.tr("notice.declined.body", name), null);
    }

    @Override
    public void addedToGroup(org.qchat.protocol.model.GroupInfo group) {
        String name = Glyphs.safe(group.name());
        notice(Avatars.group(group.groupId(), name, 36), name, I18n.tr("notice.addedToGroup", name),
                () -> actions.openConversation(group.convId()));
    }

    @Override
    public void groupLeft(long groupId, String groupName, String reason) {
        if ("left".equals(reason)) {
            return;
        }
        notice(Avatars.group(groupId, groupName, 36), groupName, I18n.tr("chat.notice.group." + reason), null);
    }

    private void showMain() {
        actions.showMainWindow();
    }

    private void notice(javax.swing.Icon icon, String title, String body, Runnable onClick) {
        notice(null, icon, title, body, onClick);
    }

    private void notice(String key, javax.swing.Icon icon, String title, String body, Runnable onClick) {
        Toast.show(key, icon, title, body, onClick);
    }

    /** The app icon with the unread count painted on it, for the tray. */
    static BufferedImage trayImage(int unread) {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Theme.accent());
        g.fillOval(1, 1, 30, 30);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("Q", 9, 23);
        if (unread > 0) {
            String text = unread > 9 ? "9+" : Integer.toString(unread);
            g.setColor(Theme.badge());
            g.fillOval(15, 0, 17, 17);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            int w = g.getFontMetrics().stringWidth(text);
            g.drawString(text, 23 - w / 2, 12);
        }
        g.dispose();
        return image;
    }
}
