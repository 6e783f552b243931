package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import javax.swing.JList;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.client.core.history.H2LocalHistory;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Environment;
import org.qchat.client.testing.WaitingHistory;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.UserInfo;

/**
 * The chat history search in real windows under a display: typing in the main window's search
 * box lists the kept message, and choosing it opens its conversation scrolled to it, marked. The
 * test plays the server; the messages come from a real history file.
 */
class MessageSearchWindowTest {

    private static final UserInfo ME = Wire.user(1, "Alice");
    private static final long BOB = 2;
    private static final long CONV = 12;
    private static final long FOUND_SEQ = 100;

    @TempDir
    Path dir;
    private ClientHarness h;
    private MainWindow main;
    private ChatWindow chat;

    @BeforeEach
    void aClientWithTwoHundredKeptMessages() throws Exception {
        Environment.requireDisplay();
        List<MessageInfo> kept = new ArrayList<>();
        LongStream.rangeClosed(1, 200).forEach(s -> kept.add(Wire.msg(CONV, s, BOB,
                s == FOUND_SEQ ? "Project Phoenix 项目组 meets on Friday" : "message number " + s)));
        H2LocalHistory earlier = new H2LocalHistory(dir.resolve("history"));
        earlier.store(kept).get(10, TimeUnit.SECONDS);
        earlier.close();
        H2LocalHistory disk = new H2LocalHistory(dir.resolve("history"));
        onEdt(() -> {
            Theme.apply("light");
            h = new ClientHarness(dir, Runnable::run, (account, userId) -> new WaitingHistory(disk));
            h.loginAs(ME, List.of(Wire.friend(BOB, "Bob", true, CONV)), List.of(),
                    List.of(Wire.privateConv(CONV, BOB, 200, 200)));
            UiActions actions = new UiActions() {
                @Override
                public void openConversation(long convId) {
                    chat.open(convId);
                }

                @Override
                public void openMessage(long convId, long seq) {
                    chat.openAt(convId, seq);
                }

                @Override
                public void captureScreen(long convId) {
                }

                @Override
                public void showAddFriend() {
                }

                @Override
                public void showCreateGroup() {
                }

                @Override
                public void showJoinGroup() {
                }

                @Override
                public void showProfile() {
                }

                @Override
                public void showSettings() {
                }

                @Override
                public void logout() {
                }

                @Override
                public void quit() {
                }
            };
            main = new MainWindow(h.client, actions);
            chat = new ChatWindow(h.client, actions, ChatMedia.of(h.client));
            main.setBounds(900, 20, 340, 680);
            chat.setBounds(40, 20, 820, 640);
            main.setVisible(true);
            return null;
        });
    }

    @AfterEach
    void close() {
        onEdt(() -> {
            if (main != null) {
                main.dispose();
            }
            if (chat != null) {
                chat.dispose();
            }
            if (h != null) {
                h.client.close();
            }
            return null;
        });
    }

    @Test
    void typingAChineseWordListsTheMessageAndChoosingItOpensTheConversationAtItMarked() throws Exception {
        onEdt(() -> {
            ((JTextField) Components.find(main, ComponentNames.MAIN_SEARCH)).setText("项目");
            return null;
        });

        @SuppressWarnings("unchecked")
        JList<MessageSearchPanel.Found> results = onEdt(() ->
                (JList<MessageSearchPanel.Found>) Components.find(main, MessageSearchPanel.RESULTS));
        await("the search result", () -> results.getModel().getSize() == 1 && results.isShowing());
        MessageSearchPanel.Found found = onEdt(() -> results.getModel().getElementAt(0));
        assertThat(found.message().seq()).isEqualTo(FOUND_SEQ);
        assertThat(found.conversation()).isEqualTo("Bob");
        assertThat(found.snippet().match()).isEqualTo("项目");
        assertThat(onEdt(() -> ((JTabbedPane) Components.find(main, ComponentNames.MAIN_TABS)).getSelectedIndex()))
                .isEqualTo(3);

        Point cell = onEdt(() -> {
            Rectangle bounds = results.getCellBounds(0, 0);
            Point p = new Point(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
            SwingUtilities.convertPointToScreen(p, results);
            return p;
        });
        Robot robot = new Robot();
        robot.mouseMove(cell.x, cell.y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);

        await("the conversation open at the message, marked", () -> chat.isShowing()
                && Components.selectedConversation(chat) == CONV && listOf(chat).highlightedSeq() == FOUND_SEQ);
        await("the message in view", () -> {
            MessageListPanel list = listOf(chat);
            Rectangle row = list.rowBounds(FOUND_SEQ).orElseThrow();
            Rectangle visible = ((JViewport) list.getParent()).getViewRect();
            return visible.contains(row);
        });
        // Joined to the newest messages: everything from a little before it down to the last is shown.
        List<String> shown = onEdt(() -> Components.messages(chat, CONV));
        assertThat(shown).contains("Project Phoenix 项目组 meets on Friday", "message number 200");
        assertThat(shown).hasSize(200 - (int) FOUND_SEQ + 1 + 15);
    }

    private static MessageListPanel listOf(ChatWindow chat) {
        return (MessageListPanel) Components.find(Components.conversation(chat, CONV), ComponentNames.CHAT_MESSAGES);
    }

    private static void await(String what, Callable<Boolean> onEdt) {
        Awaitility.await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(30))
                .until(() -> onEdt(onEdt));
    }

    private static <T> T onEdt(Callable<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    result.set(work.call());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (InvocationTargetException e) {
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return result.get();
    }
}
