package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;
import static org.awaitility.Awaitility.await;
import static org.qchat.client.testing.Wire.user;

import java.awt.Component;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.swing.JFrame;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JTextArea;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.i18n.I18n;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Environment;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.Quote;
import org.qchat.protocol.model.Role;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.MessageRecalledPush;
import org.qchat.protocol.packet.SendMessage;

/**
 * The message menu, quotes, recalled lines, the reply bar and "@" completion as components, bound
 * to a client whose server the test plays ({@link ClientHarness}). Needs a display; skipped without one.
 */
class MessageMenuAndComposeTest {

    private static final long ME = 1;
    private static final long BOB = 2;
    private static final long CONV = 12;
    private static final long GROUP = 5;

    private ClientHarness h;
    private MessageListPanel list;
    private final List<String> asked = new ArrayList<>();
    private JFrame frame;

    @BeforeEach
    void aConversationWithBob() {
        Environment.requireDisplay();
        execute(() -> {
            I18n.use(Locale.ENGLISH);
            Theme.apply("light");
            h = new ClientHarness();
            h.loginAs(user(ME, "Alice"), List.of(Wire.friend(BOB, "Bob", true, CONV)),
                    List.of(Wire.group(GROUP, "Hiking", Role.OWNER, 3)),
                    List.of(Wire.privateConv(CONV, BOB, 0, 0), Wire.groupConv(GROUP, 0, 0)));
            h.client.groups().replaceMembers(GROUP, List.of(Wire.member(ME, "Alice", Role.OWNER, true),
                    Wire.member(BOB, "Bob", Role.MEMBER, true), Wire.member(3, "Carol", Role.MEMBER, false)));
            Conversation conv = conversation(CONV);
            list = new MessageListPanel(h.client, conv, new PictureCache(), h.client::retry, () -> {
            });
            list.setMenu(new MessageMenu(h.client, conv, new MessageMenu.Handler() {
                @Override
                public void reply(ChatMessage message) {
                    asked.add("reply " + message.seq());
                }

                @Override
                public void forward(ChatMessage message) {
                    asked.add("forward " + message.seq());
                }
            }));
        });
    }

    @AfterEach
    void closeWindows() {
        execute(() -> {
            if (list != null) {
                list.dispose();
            }
            if (frame != null) {
                frame.dispose();
            }
        });
    }

    private Conversation conversation(long convId) {
        return h.client.conversations().get(convId).orElseThrow();
    }

    private MessageRow row(long seq) {
        return (MessageRow) Components.find(list, "message." + seq);
    }

    /** The items of the row's right-click menu, as it would open now. */
    private static List<String> items(MessageRow row) {
        JPopupMenu popup = row.getComponentPopupMenu();
        popup.getPopupMenuListeners()[0].popupMenuWillBecomeVisible(null);
        List<String> names = new ArrayList<>();
        for (Component c : popup.getComponents()) {
            names.add(c.getName());
        }
        return names;
    }

    private static JMenuItem item(MessageRow row, String name) {
        items(row);
        for (Component c : row.getComponentPopupMenu().getComponents()) {
            if (name.equals(c.getName())) {
                return (JMenuItem) c;
            }
        }
        throw new AssertionError("no item " + name);
    }

    @Test
    void theMenuOffersRecallOnlyForMyRecentMessageAndItsReplyAsksTheView() {
        execute(() -> {
            h.transport().receive(new MessagePush(Wire.msg(CONV, 1, BOB, "hi Alice")));
            h.transport().receive(new MessagePush(new MessageInfo(2, CONV, 2, ME, "c-2", "hi Bob", h.scheduler.now())));
            list.refresh();

            assertThat(items(row(1))).containsExactly(MessageMenu.COPY, MessageMenu.REPLY, MessageMenu.FORWARD);
            assertThat(items(row(2))).containsExactly(MessageMenu.COPY, MessageMenu.REPLY, MessageMenu.RECALL,
                    MessageMenu.FORWARD);
            assertThat(row(1).getComponent(0) instanceof javax.swing.JComponent c && c.getInheritsPopupMenu())
                    .as("a right-click anywhere on the row opens it").isTrue();

            item(row(1), MessageMenu.REPLY).doClick();
            item(row(1), MessageMenu.FORWARD).doClick();
            assertThat(asked).containsExactly("reply 1", "forward 1");
        });
    }

    @Test
    void aRecalledMessageBecomesAGreyLineAndItsQuotesSayRecalled() {
        execute(() -> {
            h.transport().receive(new MessagePush(Wire.msg(CONV, 1, BOB, "oops")));
            h.transport().receive(new MessagePush(new MessageInfo(2, CONV, 2, ME, "c-2", "what?", Wire.TIME, null, null,
                    new Quote(1, BOB, "oops", null, null), null, null, null, null)));
            list.refresh();
            assertThat(Components.texts(row(2), QuoteBlock.NAME + ".text")).containsExactly("oops");

            h.transport().receive(new MessageRecalledPush(CONV, 1, BOB, Wire.TIME));
            list.refresh();

            assertThat(Components.texts(row(1), RecalledLine.NAME)).containsExactly("Bob recalled a message");
            assertThat(Components.texts(row(2), QuoteBlock.NAME + ".text"))
                    .containsExactly(I18n.tr("message.quote.recalled"));
        });
    }

    @Test
    void theReplyBarShowsWhatIsQuotedAndSendingCarriesTheQuote() {
        execute(() -> {
            h.transport().receive(new MessagePush(Wire.msg(CONV, 1, BOB, "lunch at noon?")));
            ComposeExtras extras = new ComposeExtras(h.client, conversation(CONV));
            extras.attach(new JTextArea());

            extras.replyTo(conversation(CONV).stored(1).orElseThrow());
            assertThat(extras.replyBar().isVisible()).isTrue();
            assertThat(Components.texts(extras.replyBar(), ReplyBar.NAME + ".text"))
                    .containsExactly("Reply to Bob: lunch at noon?");
            extras.send("yes");

            SendMessage sent = h.transport().last(SendMessage.class);
            assertThat(sent.replyTo()).isEqualTo(1L);
            assertThat(extras.replyBar().isVisible()).isFalse();
        });
    }

    @Test
    void typingAtInAGroupListsMatchingMembersAndEnterInsertsTheMention() {
        JTextArea input = execute(() -> new JTextArea(3, 30));
        ComposeExtras extras = execute(() -> {
            ComposeExtras x = new ComposeExtras(h.client, conversation(GROUP));
            x.attach(input);
            frame = new JFrame();
            frame.add(input);
            frame.pack();
            frame.setVisible(true);
            input.requestFocusInWindow();
            input.setText("hi @");
            input.setCaretPosition(input.getText().length());
            return x;
        });
        MentionCompletion completion = extras.mentions();

        await().atMost(Duration.ofSeconds(5)).until(() -> execute(completion::isShowing));
        assertThat(execute(() -> shown(completion))).as("the owner sees All, and every member but me")
                .containsExactly("All", "Bob", "Carol");
        execute(() -> {
            input.replaceSelection("o");
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> execute(() -> shown(completion)).size() == 2);
        assertThat(execute(() -> shown(completion))).as("'o' is in Bob and Carol").containsExactly("Bob", "Carol");
        execute(() -> {
            completion.list().setSelectedIndex(0);
            input.dispatchEvent(new KeyEvent(input, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), 0,
                    KeyEvent.VK_ENTER, '\n'));
        });

        execute(() -> {
            assertThat(input.getText()).isEqualTo("hi @Bob ");
            assertThat(completion.isShowing()).isFalse();
            extras.send(input.getText().strip());
            SendMessage sent = h.transport().last(SendMessage.class);
            assertThat(sent.mentions()).containsExactly(BOB);
            assertThat(sent.mentionAll()).isNull();
        });
    }

    private static List<String> shown(MentionCompletion completion) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < completion.list().getModel().getSize(); i++) {
            shown.add(completion.list().getModel().getElementAt(i).name());
        }
        return shown;
    }

    @Test
    void aMessageThatMentionsMeIsHighlighted() {
        execute(() -> {
            Conversation group = conversation(GROUP);
            MessageListPanel groupList = new MessageListPanel(h.client, group, new PictureCache(), h.client::retry, () -> {
            });
            h.transport().receive(new MessagePush(new MessageInfo(1, GROUP, 1, BOB, "c-1", "@Alice look", Wire.TIME,
                    null, null, null, List.of(ME), null, null, null)));
            h.transport().receive(new MessagePush(Wire.msg(GROUP, 2, BOB, "and you all")));
            groupList.refresh();

            assertThat(group.hasUnreadMention()).isTrue();
            assertThat(((MessageRow) Components.find(groupList, "message.1")).showsMention()).isTrue();
            assertThat(((MessageRow) Components.find(groupList, "message.2")).showsMention()).isFalse();
            groupList.dispose();
        });
    }
}
