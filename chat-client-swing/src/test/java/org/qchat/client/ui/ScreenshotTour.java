package org.qchat.client.ui;

import static org.qchat.client.ui.Components.conversation;
import static org.qchat.client.ui.Components.entries;
import static org.qchat.client.ui.Components.find;
import static org.qchat.client.ui.Components.messages;
import static org.qchat.client.ui.Components.selectedConversation;
import static org.qchat.client.ui.Components.texts;
import static org.qchat.client.ui.Components.titles;

import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.JFileChooser;
import javax.swing.JTabbedPane;
import javax.swing.RootPaneContainer;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

import org.qchat.client.ChatClientApp;
import org.qchat.client.LaunchOptions;
import org.qchat.client.i18n.I18n;
import org.qchat.client.i18n.Language;
import org.qchat.protocol.model.MemberInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.Role;

/**
 * Drives the real client — {@link ChatClientApp#main} with the flags it is given, from the
 * client jar — to the states the README shows, and saves each window as the window paints itself
 * (PNG). Run by {@code scripts/screenshots.sh}, not by the tests.
 *
 * <p>The person at the keyboard registers, sets a signature, accepts friend requests, chats and
 * creates a group through the windows (filling fields and pressing buttons on the Swing thread,
 * the way the components' own actions run). Everyone else is a {@link HeadlessPerson} in this
 * JVM: the client's core without windows.
 *
 * <pre>
 *   java -cp qchat-client.jar:test-classes org.qchat.client.ui.ScreenshotTour OUT_DIR SUFFIX -- CLIENT_FLAGS…
 * </pre>
 * writes {@code login-SUFFIX.png}, {@code main-SUFFIX.png}, {@code chat-SUFFIX.png},
 * {@code group-SUFFIX.png}, {@code files-SUFFIX.png}, {@code search-SUFFIX.png}. The flags must include {@code --server}, {@code --lang} and
 * {@code --user}.
 */
public final class ScreenshotTour {

    private final Path out;
    private final String suffix;
    private final TourLines lines;
    private final LaunchOptions options;

    private ScreenshotTour(Path out, String suffix, LaunchOptions options) {
        this.out = out;
        this.suffix = suffix;
        this.options = options;
        this.lines = TourLines.of(options.language() == null ? Language.ENGLISH : options.language());
    }

    public static void main(String[] args) throws Exception {
        int dashes = Arrays.asList(args).indexOf("--");
        if (args.length < 3 || dashes != 2) {
            System.err.println("usage: ScreenshotTour OUT_DIR SUFFIX -- CLIENT_FLAGS…");
            System.exit(2);
        }
        String[] clientArgs = Arrays.copyOfRange(args, 3, args.length);
        LaunchOptions options = LaunchOptions.parse(clientArgs);
        if (!options.errors().isEmpty() || options.servers() == null || options.username() == null) {
            System.err.println("ScreenshotTour needs valid client flags with --server and --user: " + options.errors());
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        int status = 0;
        try {
            new ScreenshotTour(out, args[1], options).run(clientArgs);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void run(String[] clientArgs) throws Exception {
        TourLines l = lines;
        HeadlessPerson bob = HeadlessPerson.register(options.servers(), l.bob()[0], l.bob()[1], l.bob()[2]);
        HeadlessPerson carol = HeadlessPerson.register(options.servers(), l.carol()[0], l.carol()[1], l.carol()[2]);
        HeadlessPerson dave = HeadlessPerson.register(options.servers(), l.dave()[0], l.dave()[1], l.dave()[2]);
        HeadlessPerson erin = HeadlessPerson.register(options.servers(), l.erin()[0], l.erin()[1], l.erin()[2]);

        // The real application, exactly as `java -jar qchat-client.jar FLAGS` starts it.
        ChatClientApp.main(clientArgs);

        // ---- login window
        Frame login = frame(ComponentNames.LOGIN_WINDOW);
        // The window puts the focus into the password field, which selects its text; type after that.
        waitUntil("the password field has the focus", () -> text(login, ComponentNames.LOGIN_PASSWORD).isFocusOwner());
        edt(() -> text(login, ComponentNames.LOGIN_PASSWORD).setText(l.password()));
        shoot(login, "login");
        click(login, ComponentNames.LOGIN_REGISTER);
        edt(() -> {
            text(login, ComponentNames.LOGIN_CONFIRM).setText(l.password());
            text(login, ComponentNames.LOGIN_NICKNAME).setText(l.nickname());
        });
        click(login, ComponentNames.LOGIN_SUBMIT);
        Frame main = frame(ComponentNames.MAIN_WINDOW);
        Frame chat = edt(() -> findFrame(ComponentNames.CHAT_WINDOW, false));

        // ---- my signature, through the profile dialog
        click(main, ComponentNames.MENU_PROFILE);
        Window profile = window(ComponentNames.PROFILE_DIALOG);
        edt(() -> text(profile, ComponentNames.PROFILE_SIGNATURE).setText(l.signature()));
        click(profile, ComponentNames.PROFILE_SAVE);
        waitUntil("the profile dialog closes", () -> !profile.isShowing());

        // ---- friends: three requests accepted in the friend list, one left pending
        long me = bob.find(options.username());
        for (HeadlessPerson friend : List.of(bob, carol, dave)) {
            friend.sendFriendRequest(me, l.hello());
            String row = "request." + friend.username;
            waitUntil("the request from " + friend.username, () -> find(main, row) != null);
            edt(() -> ((AbstractButton) find((Container) find(main, row), ComponentNames.REQUEST_ACCEPT)).doClick());
        }
        waitUntil("three friends listed", () -> entries(list(main, ComponentNames.MAIN_FRIENDS)).size() == 3);
        erin.sendFriendRequest(me, l.erinNote());
        waitUntil("Erin's request shows", () -> find(main, "request." + erin.username) != null);

        // ---- a private chat with Bob: my first answer replies to his question (from its menu),
        // he takes a slip back, and he reads what I write (blue ticks)
        bob.sendTo(me, l.chat()[0]);
        long bobConv = openFromList(main, chat, ComponentNames.MAIN_FRIENDS, 0, bob.nickname);
        bob.reads(me);
        replyTo(chat, bobConv, l.chat()[0]);
        send(chat, bobConv, l.chat()[1]);
        bob.sendTo(me, l.chat()[2]);
        bob.sendAndRecall(me, l.recalled());
        send(chat, bobConv, l.chat()[3]);
        bob.sendTo(me, l.chat()[4]);
        waitUntil("the whole private chat shows, the slip recalled, mine read", () -> messages(chat, bobConv).size() == 5
                && find(conversation(chat, bobConv), RecalledLine.NAME) != null
                && Components.ticks(conversation(chat, bobConv)).stream().allMatch("read"::equals));

        // Carol writes too; her conversation is not open, so it stays unread (a badge).
        carol.sendTo(me, l.carolUnread()[0]);
        carol.sendTo(me, l.carolUnread()[1]);

        // ---- a group: created and filled through the windows
        click(main, ComponentNames.MENU_CREATE_GROUP);
        Window create = window(ComponentNames.CREATE_GROUP_DIALOG);
        edt(() -> text(create, ComponentNames.CREATE_GROUP_NAME).setText(l.group()));
        click(create, ComponentNames.CREATE_GROUP_CREATE);
        waitUntil("the group opens", () -> !create.isShowing()
                && selectedConversation(chat) != bobConv && selectedConversation(chat) > 0);
        long groupConv = edt(() -> selectedConversation(chat));
        click(conversation(chat, groupConv), ComponentNames.GROUP_INVITE);
        Window invite = window(ComponentNames.INVITE_DIALOG);
        edt(() -> {
            for (HeadlessPerson p : List.of(bob, carol, dave)) {
                ((AbstractButton) find(invite, "invite." + p.username)).setSelected(true);
            }
        });
        click(invite, ComponentNames.INVITE_SEND);
        waitUntil("four members listed", () -> members(chat, groupConv).size() == 4);
        makeAdmin(chat, groupConv, bob.username);

        // Bob, now an admin, sets the group's notice (a bar on top, a system line in the chat).
        bob.setGroupNotice(l.group(), l.notice());
        waitUntil("the notice bar shows", () -> {
            Component bar = find(conversation(chat, groupConv), GroupNoticeBar.NAME);
            return bar != null && bar.isVisible();
        });
        bob.readsGroup(l.group());
        carol.readsGroup(l.group());
        send(chat, groupConv, l.groupChat()[0]);
        bob.sendToGroup(l.group(), l.groupChat()[1]);
        carol.sendToGroup(l.group(), l.groupChat()[2]);
        dave.sendToGroup(l.group(), l.groupChat()[3]);
        String twoRead = edt(() -> I18n.tr("message.readBy", 2));
        waitUntil("the whole group chat shows, mine read by two", () -> messages(chat, groupConv).size() == 4
                && texts(conversation(chat, groupConv), ComponentNames.MESSAGE_STATE).contains(twoRead));

        // Dave leaves his desk: offline in the friend list and the member list.
        dave.close();
        waitUntil("Dave shows offline", () -> entries(list(main, ComponentNames.MAIN_FRIENDS)).stream()
                .anyMatch(e -> e.title().equals(dave.nickname) && e.dimmed()));

        // ---- the pictures. Between them the person clicks into the message box, as one does
        // before typing, and selections made while driving (the row opened, the member made
        // admin) are let go.
        edt(() -> {
            ((JTabbedPane) find(main, ComponentNames.MAIN_TABS)).setSelectedIndex(0);
            list(main, ComponentNames.MAIN_FRIENDS).clearSelection();
        });
        shoot(main, "main");
        selectTab(chat, bobConv);
        focusInput(chat, bobConv);
        shoot(chat, "chat");
        selectTab(chat, groupConv);
        edt(() -> ((JList<?>) find(conversation(chat, groupConv), ComponentNames.GROUP_MEMBERS)).clearSelection());
        // Taller, so that the group's system lines show above the messages.
        edt(() -> chat.setSize(chat.getWidth(), 760));
        focusInput(chat, groupConv);
        shoot(chat, "group");

        // ---- pictures and files: Bob sends a photo, I send my packing list with the paperclip,
        // Bob sends the trail map (not downloaded: its card offers Download); Bob reads them all.
        // The window stays tall, so that all three show.
        TourFiles files = TourFiles.in(Files.createTempDirectory("qchat-tour-files-"), l);
        selectTab(chat, bobConv);
        bob.sendFileTo(me, files.photo(), MessageKind.IMAGE);
        String sent = edt(() -> I18n.tr("message.sent"));
        attach(chat, bobConv, files.packingList());
        waitUntil("my packing list is sent", () -> {
            Container panel = conversation(chat, bobConv);
            return Components.count(panel, ComponentNames.FILE_CARD) == 1
                    && Components.deliveryStates(panel).stream().allMatch(sent::equals);
        });
        bob.sendFileTo(me, files.map(), MessageKind.FILE);
        waitUntil("the pictures and files show, mine sent", () -> {
            Container panel = conversation(chat, bobConv);
            return find(panel, ComponentNames.IMAGE_THUMBNAIL) != null
                    && Components.count(panel, ComponentNames.FILE_CARD) == 2
                    && Components.ticks(panel).stream().allMatch("read"::equals);
        });
        focusInput(chat, bobConv);
        shoot(chat, "files");
        files.delete();

        // ---- the search box finds messages too: the Messages tab, matches marked
        edt(() -> text(main, ComponentNames.MAIN_SEARCH).setText(l.search()));
        waitUntil("messages found", () -> list(main, MessageSearchPanel.RESULTS).getModel().getSize() >= 2);
        edt(() -> {
            ((JTabbedPane) find(main, ComponentNames.MAIN_TABS)).setSelectedIndex(3);
            list(main, MessageSearchPanel.RESULTS).clearSelection();
        });
        shoot(main, "search");

        for (HeadlessPerson p : List.of(bob, carol, erin)) {
            p.close();
        }
    }

    // ---- steps -------------------------------------------------------------------------------

    /** Selects a row of a main-window list and presses Enter on it (the list's "open" action). */
    private long openFromList(Frame main, Frame chat, String listName, int tab, String title) throws Exception {
        edt(() -> ((JTabbedPane) find(main, ComponentNames.MAIN_TABS)).setSelectedIndex(tab));
        waitUntil(listName + " lists " + title, () -> indexOf(list(main, listName), title) >= 0);
        long convId = edt(() -> {
            JList<?> list = list(main, listName);
            int index = indexOf(list, title);
            list.setSelectedIndex(index);
            ActionEvent enter = new ActionEvent(list, ActionEvent.ACTION_PERFORMED, "open");
            list.getActionMap().get("open").actionPerformed(enter);
            return entries(list).get(index).convId();
        });
        waitUntil("the conversation opens", () -> chat.isShowing() && selectedConversation(chat) == convId);
        return convId;
    }

    /** Types into a conversation's input and presses Send; waits until the server stored it. */
    private void send(Frame chat, long convId, String message) throws Exception {
        selectTab(chat, convId);
        int before = edt(() -> messages(chat, convId).size());
        edt(() -> {
            Container panel = conversation(chat, convId);
            text(panel, ComponentNames.CHAT_INPUT).setText(message);
            ((AbstractButton) find(panel, ComponentNames.CHAT_SEND)).doClick();
        });
        String sent = edt(() -> I18n.tr("message.sent"));
        waitUntil("my message is sent", () -> messages(chat, convId).size() == before + 1
                && Components.deliveryStates(conversation(chat, convId)).stream().allMatch(sent::equals));
    }

    /** Opens the menu of the message showing {@code text} and chooses Reply; the reply bar shows. */
    private void replyTo(Frame chat, long convId, String text) throws Exception {
        edt(() -> {
            Component bubble = null;
            for (Component c : Components.all(conversation(chat, convId), ComponentNames.MESSAGE_TEXT)) {
                if (((JTextComponent) c).getText().equals(text)) {
                    bubble = c;
                }
            }
            MessageRow row = (MessageRow) SwingUtilities.getAncestorOfClass(MessageRow.class, bubble);
            javax.swing.JPopupMenu menu = row.getComponentPopupMenu();
            menu.show(row, 20, 10); // fills the menu for the message as it is now
            AbstractButton reply = (AbstractButton) find(menu, MessageMenu.REPLY);
            menu.setVisible(false);
            reply.doClick();
        });
        waitUntil("the reply bar shows", () -> find(conversation(chat, convId), ReplyBar.NAME).isVisible());
    }

    /** Right-clicks a member in the group's member list and chooses "Make admin". */
    private void makeAdmin(Frame chat, long groupConv, String username) throws Exception {
        edt(() -> {
            JList<?> list = (JList<?>) find(conversation(chat, groupConv), ComponentNames.GROUP_MEMBERS);
            int index = -1;
            for (int i = 0; i < list.getModel().getSize(); i++) {
                if (((MemberInfo) list.getModel().getElementAt(i)).user().username().equals(username)) {
                    index = i;
                }
            }
            Rectangle cell = list.getCellBounds(index, index);
            list.dispatchEvent(new MouseEvent(list, MouseEvent.MOUSE_PRESSED, System.currentTimeMillis(),
                    InputEvent.BUTTON3_DOWN_MASK, cell.x + 20, cell.y + cell.height / 2, 1, true, MouseEvent.BUTTON3));
        });
        AbstractButton item = waitFor("the member menu", () -> anywhere(ComponentNames.GROUP_MAKE_ADMIN));
        edt(() -> item.doClick());
        waitUntil(username + " is an admin", () -> members(chat, groupConv).stream()
                .anyMatch(m -> m.user().username().equals(username) && m.role() == Role.ADMIN));
    }

    /** Clicks the paperclip and picks {@code file} in the chooser it opens (a modal dialog, so the click waits). */
    private void attach(Frame chat, long convId, Path file) throws Exception {
        SwingUtilities.invokeLater(() -> ((AbstractButton) find(conversation(chat, convId),
                ComponentNames.CHAT_ATTACH)).doClick());
        JFileChooser chooser = waitFor("the file chooser", () -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && find(w, ComponentNames.ATTACH_CHOOSER) instanceof JFileChooser c) {
                    return c;
                }
            }
            return null;
        });
        edt(() -> {
            chooser.setCurrentDirectory(file.getParent().toFile());
            chooser.setSelectedFiles(new java.io.File[] {file.toFile()});
            chooser.approveSelection();
        });
    }

    private void focusInput(Frame chat, long convId) throws Exception {
        edt(() -> text(conversation(chat, convId), ComponentNames.CHAT_INPUT).requestFocusInWindow());
        waitUntil("the message box has the focus",
                () -> text(conversation(chat, convId), ComponentNames.CHAT_INPUT).isFocusOwner());
    }

    private void selectTab(Frame chat, long convId) throws Exception {
        edt(() -> {
            JTabbedPane tabs = (JTabbedPane) find(chat, ComponentNames.CHAT_TABS);
            tabs.setSelectedComponent(conversation(chat, convId));
        });
        waitUntil("the tab is selected", () -> selectedConversation(chat) == convId);
    }

    /** Saves the window as it paints itself, once the event queue has run dry of layout work. */
    private void shoot(Window window, String name) throws Exception {
        String loading = edt(() -> I18n.tr("chat.history.loading"));
        waitUntil("history loaded",
                () -> texts(window, ComponentNames.CHAT_HISTORY).stream().noneMatch(loading::equals));
        for (int i = 0; i < 5; i++) {
            SwingUtilities.invokeAndWait(() -> {
            });
        }
        BufferedImage image = edt(() -> {
            JComponent root = ((RootPaneContainer) window).getRootPane();
            BufferedImage img = new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            root.paint(g);
            g.dispose();
            return img;
        });
        Path file = out.resolve(name + "-" + suffix + ".png");
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        System.out.println("wrote " + file + " (" + image.getWidth() + "x" + image.getHeight() + ")");
    }

    // ---- finding things (call on the event thread) -------------------------------------------

    private static Frame findFrame(String name, boolean showing) {
        Frame found = null;
        for (Frame f : Frame.getFrames()) {
            if (name.equals(f.getName()) && (!showing || f.isShowing())) {
                found = f;
            }
        }
        return found;
    }

    private static AbstractButton anywhere(String name) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && find(w, name) instanceof AbstractButton b && b.isShowing()) {
                return b;
            }
        }
        return null;
    }

    private static JTextComponent text(Component root, String name) {
        return (JTextComponent) find(root, name);
    }

    private static JList<?> list(Component root, String name) {
        return (JList<?>) find(root, name);
    }

    private static int indexOf(JList<?> list, String title) {
        return titles(list).indexOf(title);
    }

    private static List<MemberInfo> members(Frame chat, long groupConv) {
        JList<?> list = (JList<?>) find(conversation(chat, groupConv), ComponentNames.GROUP_MEMBERS);
        List<MemberInfo> members = new ArrayList<>();
        for (int i = 0; i < list.getModel().getSize(); i++) {
            members.add((MemberInfo) list.getModel().getElementAt(i));
        }
        return members;
    }

    // ---- waiting and the event thread ---------------------------------------------------------

    private static Frame frame(String name) {
        return waitFor("the window " + name, () -> findFrame(name, true));
    }

    private static Window window(String name) {
        return waitFor("the window " + name, () -> {
            for (Window w : Window.getWindows()) {
                if (name.equals(w.getName()) && w.isShowing()) {
                    return w;
                }
            }
            return null;
        });
    }

    private static void click(Component root, String name) throws Exception {
        edt(() -> ((AbstractButton) find(root, name)).doClick());
    }

    private static void waitUntil(String what, Callable<Boolean> condition) {
        HeadlessPerson.Poll.until(what, () -> {
            try {
                return edt(condition);
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static <T> T waitFor(String what, Callable<T> lookup) {
        return HeadlessPerson.Poll.until(what, () -> {
            try {
                return Optional.ofNullable(edt(lookup));
            } catch (Exception e) {
                return Optional.empty();
            }
        });
    }

    private static <T> T edt(Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    private static void edt(Runnable work) throws Exception {
        SwingUtilities.invokeAndWait(work);
    }
}
