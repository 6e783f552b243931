package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;
import static org.awaitility.Awaitility.await;
import static org.qchat.client.ui.Components.entries;
import static org.qchat.client.ui.Components.find;
import static org.qchat.client.ui.Components.labels;
import static org.qchat.client.ui.Components.selectedConversation;
import static org.qchat.client.ui.Components.texts;
import static org.qchat.client.ui.Components.titles;

import java.awt.Container;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;

import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenuItem;
import javax.swing.JTabbedPane;

import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.core.Robot;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JListFixture;
import org.assertj.swing.fixture.JPanelFixture;
import org.assertj.swing.fixture.JTextComponentFixture;
import org.qchat.client.ClientPreferences;
import org.qchat.client.LaunchOptions;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.core.model.Contact;
import org.qchat.client.i18n.I18n;

/**
 * One person's running client — the real {@link ClientApplication}, built as
 * {@code ChatClientApp.main} builds it — driven through its windows by an AssertJ Swing robot:
 * real mouse clicks and key strokes. Several can run in one JVM; each finds its own windows (the
 * frames that appeared when it logged in), so two people's identical windows never get mixed up.
 *
 * <p>Every read of a component or a model runs on the Swing event thread; every wait is a
 * condition polled until it holds (no fixed sleeps).
 */
final class GuiClient {

    /** Longest wait for anything the server round trip or a reconnect has to bring. */
    static final Duration WAIT = Duration.ofSeconds(30);

    final String username;
    final String nickname;
    final String password;
    private final Robot robot;
    private final Preferences prefsNode;
    private ClientApplication app;
    private FrameFixture main;
    private FrameFixture chat;
    private Rectangle mainBounds;
    private Rectangle chatBounds;

    GuiClient(Robot robot, Preferences prefsNode, String username, String nickname, String password) {
        this.robot = robot;
        this.prefsNode = prefsNode;
        this.username = username;
        this.nickname = nickname;
        this.password = password;
    }

    /** Where this person's windows go, so that two people's windows never cover each other. */
    void placeWindows(Rectangle main, Rectangle chat) {
        this.mainBounds = main;
        this.chatBounds = chat;
    }

    /** Starts the app with {@code --server host:port --user NAME}; it shows the login window. */
    void launch(String server) {
        LaunchOptions options = LaunchOptions.parse(new String[]{"--server", server, "--user", username});
        assertThat(options.errors()).isEmpty();
        ClientPreferences prefs = new ClientPreferences(prefsNode);
        app = execute(() -> {
            ClientApplication a = new ClientApplication(options, prefs);
            a.start();
            return a;
        });
    }

    // ---- login window ----------------------------------------------------------------------

    /** Creates the account in the login window's register mode; returns when the main window is up. */
    void register() {
        FrameFixture login = loginWindow();
        login.button(ComponentNames.LOGIN_REGISTER).click();
        login.textBox(ComponentNames.LOGIN_USERNAME).requireText(username);
        login.textBox(ComponentNames.LOGIN_PASSWORD).enterText(password);
        login.textBox(ComponentNames.LOGIN_CONFIRM).enterText(password);
        login.textBox(ComponentNames.LOGIN_NICKNAME).enterText(nickname);
        submitAndAwaitMainWindow(login);
    }

    /** Logs in with the password (the username is filled in from {@code --user}). */
    void logIn() {
        FrameFixture login = loginWindow();
        login.textBox(ComponentNames.LOGIN_USERNAME).requireText(username);
        // A click first: with no window manager (Xvfb) a window that appeared while another
        // person's window had the focus only gets it when clicked, as on a real desktop.
        login.textBox(ComponentNames.LOGIN_PASSWORD).click().enterText(password);
        submitAndAwaitMainWindow(login);
    }

    private FrameFixture loginWindow() {
        return WindowFinder.findFrame(new GenericTypeMatcher<>(JFrame.class) {
            @Override
            protected boolean isMatching(JFrame frame) {
                return ComponentNames.LOGIN_WINDOW.equals(frame.getName()) && frame.isShowing();
            }
        }).withTimeout(WAIT.toMillis()).using(robot);
    }

    /**
     * Clicks "Log in" and waits for this person's main window: the frames that did not exist
     * before the click are this person's (the main window and its, not yet shown, chat window).
     */
    private void submitAndAwaitMainWindow(FrameFixture login) {
        Set<Frame> before = execute(() -> {
            Set<Frame> frames = Collections.newSetFromMap(new IdentityHashMap<>());
            frames.addAll(Arrays.asList(Frame.getFrames()));
            return frames;
        });
        login.button(ComponentNames.LOGIN_SUBMIT).click();
        Frame mainFrame = waitFor("the main window of " + username,
                () -> execute(() -> newFrame(before, ComponentNames.MAIN_WINDOW, true)));
        Frame chatFrame = execute(() -> newFrame(before, ComponentNames.CHAT_WINDOW, false));
        assertThat(chatFrame).as("the chat window of " + username).isNotNull();
        execute(() -> {
            if (mainBounds != null) {
                mainFrame.setBounds(mainBounds);
                chatFrame.setBounds(chatBounds);
            }
        });
        main = new FrameFixture(robot, mainFrame);
        chat = new FrameFixture(robot, chatFrame);
        waitUntil(username + " is online", () -> app.client().session().state() == ConnectionState.ONLINE);
    }

    private static Frame newFrame(Set<Frame> before, String name, boolean showing) {
        for (Frame f : Frame.getFrames()) {
            if (!before.contains(f) && name.equals(f.getName()) && (!showing || f.isShowing())) {
                return f;
            }
        }
        return null;
    }

    /** Logs out through the main window's menu (qchat → Log out); the login window comes back. */
    void logOut() {
        // The item sits in the menu bar's closed menu: the driver opens the menu, then clicks it.
        main.menuItem(new GenericTypeMatcher<>(JMenuItem.class, false) {
            @Override
            protected boolean isMatching(JMenuItem item) {
                return ComponentNames.MENU_LOGOUT.equals(item.getName());
            }
        }).click();
        waitUntil(username + " is signed out", () -> app.client().session().state() == ConnectionState.SIGNED_OUT);
        loginWindow();
    }

    // ---- main window -----------------------------------------------------------------------

    /** Searches {@code who} in the add-friend dialog and sends a request with {@code note}. */
    void sendFriendRequest(GuiClient who, String note) {
        main.button(ComponentNames.MAIN_ADD).click();
        main.menuItem(ComponentNames.MENU_ADD_FRIEND).click();
        DialogFixture dialog = dialog(ComponentNames.ADD_FRIEND_DIALOG);
        dialog.textBox(ComponentNames.ADD_FRIEND_QUERY).enterText(who.username);
        dialog.button(ComponentNames.ADD_FRIEND_SEARCH).click();
        JListFixture results = dialog.list(ComponentNames.ADD_FRIEND_RESULTS);
        waitUntil("the search finds " + who.username, () -> titles(results.target()).contains(who.nickname));
        results.item(execute(() -> titles(results.target()).indexOf(who.nickname))).click();
        dialog.textBox(ComponentNames.ADD_FRIEND_NOTE).enterText(note);
        dialog.button(ComponentNames.ADD_FRIEND_SEND).click();
        // Sent: the dialog closes and a notice says so.
        waitUntil("the dialog closes once the request was sent", () -> !dialog.target().isDisplayable());
        String sent = I18n.tr("addFriend.sent", who.nickname);
        waitUntil("a notice says the request was sent", () -> java.util.Arrays.stream(java.awt.Window.getWindows())
                .anyMatch(w -> w.isShowing() && Components.texts(w, ComponentNames.TOAST_BODY).stream()
                        .anyMatch(t -> t.contains(sent))));
    }

    /** Accepts the pending request from {@code who}, shown at the top of the friend list. */
    void acceptFriendRequestFrom(GuiClient who, String expectedNote) {
        String row = "request." + who.username;
        JPanelFixture request = waitFor("the friend request from " + who.username,
                () -> main.panel(row));
        request.requireVisible();
        assertThat(execute(() -> labels(request.target()))).contains(expectedNote);
        request.button(ComponentNames.REQUEST_ACCEPT).click();
    }

    /** The friends as listed (title and whether shown online), top to bottom. */
    List<String> friends() {
        return execute(() -> {
            List<String> out = new ArrayList<>();
            for (ListEntry e : entries(list(ComponentNames.MAIN_FRIENDS))) {
                out.add(e.title() + (((Contact) e.payload()).online() ? " (online)" : " (offline)"));
            }
            return out;
        });
    }

    /** The Recent tab's previews of each conversation's last message, top to bottom. */
    List<String> recentPreviews() {
        return execute(() -> entries(list(ComponentNames.MAIN_RECENT)).stream().map(ListEntry::subtitle).toList());
    }

    List<String> groups() {
        return execute(() -> titles(list(ComponentNames.MAIN_GROUPS)));
    }

    /** Double-clicks a friend in the Friends tab; their conversation opens in the chat window. */
    long openChatWith(GuiClient friend) {
        return open(0, ComponentNames.MAIN_FRIENDS, friend.nickname);
    }

    /** Double-clicks a group in the Groups tab. */
    long openGroup(String name) {
        return open(1, ComponentNames.MAIN_GROUPS, name);
    }

    private long open(int tab, String listName, String title) {
        main.tabbedPane(ComponentNames.MAIN_TABS).selectTab(tab);
        JListFixture list = main.list(listName);
        waitUntil(listName + " lists " + title, () -> titles(list.target()).contains(title));
        int index = execute(() -> titles(list.target()).indexOf(title));
        long convId = execute(() -> entries(list.target()).get(index).convId());
        list.item(index).doubleClick();
        waitUntil("the chat window shows " + title,
                () -> chat.target().isShowing() && selectedConversation(chat.target()) == convId);
        return convId;
    }

    /** Creates a group from the "+" menu; its conversation opens. Returns the conversation id. */
    long createGroup(String name) {
        main.button(ComponentNames.MAIN_ADD).click();
        main.menuItem(ComponentNames.MENU_CREATE_GROUP).click();
        DialogFixture dialog = dialog(ComponentNames.CREATE_GROUP_DIALOG);
        dialog.textBox(ComponentNames.CREATE_GROUP_NAME).enterText(name);
        dialog.button(ComponentNames.CREATE_GROUP_CREATE).click();
        waitUntil("the new group's conversation opens", () -> !dialog.target().isShowing() && chat.target().isShowing()
                && selectedConversation(chat.target()) > 0);
        return execute(() -> selectedConversation(chat.target()));
    }

    /** Invites a friend with the open group's "Invite" button. */
    void inviteToOpenGroup(GuiClient friend) {
        conversation(execute(() -> selectedConversation(chat.target()))).button(ComponentNames.GROUP_INVITE).click();
        DialogFixture dialog = dialog(ComponentNames.INVITE_DIALOG);
        dialog.checkBox("invite." + friend.username).check();
        dialog.button(ComponentNames.INVITE_SEND).click();
        waitUntil("the invitation went out", () -> !dialog.target().isShowing());
    }

    /** The member-count title of a group's member panel. */
    String membersTitle(long convId) {
        return execute(() -> ((JLabel) find(panel(convId), ComponentNames.GROUP_MEMBERS_TITLE)).getText());
    }

    // ---- chat window -----------------------------------------------------------------------

    /** Selects the conversation's tab, types {@code text} into its input and presses Enter. */
    void send(long convId, String text) {
        selectTab(convId);
        JTextComponentFixture input = conversation(convId).textBox(ComponentNames.CHAT_INPUT);
        input.enterText(text);
        input.pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitUntil("the input is empty again after sending", () -> input.target().getText().isEmpty());
    }

    /** The texts of the messages shown in a conversation's tab, top to bottom. */
    List<String> messages(long convId) {
        return execute(() -> Components.messages(chat.target(), convId));
    }

    /** The delivery states shown under my messages in a conversation, top to bottom. */
    List<String> deliveryStates(long convId) {
        return execute(() -> Components.deliveryStates(panel(convId)));
    }

    /** Whether the "reconnecting…" banner shows in the conversation's tab. */
    boolean reconnectingBannerShown(long convId) {
        return execute(() -> find(panel(convId), ComponentNames.CHAT_BANNER).isVisible());
    }

    ConnectionState connectionState() {
        return execute(() -> app.client().session().state());
    }

    /** The status line under my name in the main window. */
    String statusLine() {
        return execute(() -> main.label(ComponentNames.MAIN_STATUS).target().getText());
    }

    void selectTab(long convId) {
        JTabbedPane tabs = (JTabbedPane) execute(() -> find(chat.target(), ComponentNames.CHAT_TABS));
        int index = execute(() -> tabs.indexOfComponent(panel(convId)));
        chat.tabbedPane(ComponentNames.CHAT_TABS).selectTab(index);
        waitUntil("the tab of conversation " + convId + " is selected",
                () -> selectedConversation(chat.target()) == convId);
    }

    JPanelFixture conversation(long convId) {
        return chat.panel("chat.conversation." + convId);
    }

    Container panel(long convId) {
        Container panel = Components.conversation(chat.target(), convId);
        if (panel == null) {
            throw new AssertionError(username + " has no tab for conversation " + convId);
        }
        return panel;
    }

    // ---- for the steps with pictures and files (FileSteps) -----------------------------------

    Robot robot() {
        return robot;
    }

    FrameFixture mainWindow() {
        return main;
    }

    FrameFixture chatWindow() {
        return chat;
    }

    /** The client's core; read it on the event thread. */
    org.qchat.client.core.ChatClient client() {
        return app.client();
    }

    // ---- leaving ---------------------------------------------------------------------------

    /** Closes the link (as quitting does, without System.exit) and the windows. */
    void close() {
        if (app != null) {
            execute(() -> app.client().close());
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    DialogFixture dialog(String name) {
        DialogFixture dialog = WindowFinder.findDialog(new GenericTypeMatcher<>(JDialog.class) {
            @Override
            protected boolean isMatching(JDialog dialog) {
                return name.equals(dialog.getName()) && dialog.isShowing();
            }
        }).withTimeout(WAIT.toMillis()).using(robot);
        settle(dialog.target());
        return dialog;
    }

    /**
     * Makes Java and the X server agree where a window that has just appeared is. Without a window
     * manager (Xvfb) a new dialog sometimes shows where it was put while Java is told it is at
     * (0, 0); the robot then clicks where Java thinks its buttons are, and misses. Moving it makes
     * both sides take the position Java holds.
     */
    void settle(java.awt.Window window) {
        robot.waitForIdle();
        execute(() -> {
            java.awt.Point at = window.getLocation();
            window.setLocation(at.x + 1, at.y);
            window.setLocation(at);
        });
        robot.waitForIdle();
    }

    @SuppressWarnings("unchecked")
    private JList<ListEntry> list(String name) {
        return (JList<ListEntry>) find(main.target(), name);
    }

    /** Polls {@code condition} on the event thread until it holds. */
    static void waitUntil(String what, Callable<Boolean> condition) {
        await(what).atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> execute(condition));
    }

    /** Polls until {@code lookup} (off the event thread: fixtures hop to it themselves) succeeds. */
    static <T> T waitFor(String what, Callable<T> lookup) {
        return await(what).atMost(WAIT).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(lookup, v -> v != null);
    }
}
