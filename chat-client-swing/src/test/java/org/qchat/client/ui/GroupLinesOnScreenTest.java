package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;
import static org.qchat.client.testing.Wire.user;

import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javax.swing.JFrame;
import javax.swing.JLabel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.i18n.I18n;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Environment;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.Role;
import org.qchat.protocol.model.SystemEvent;
import org.qchat.protocol.packet.GroupLeftPush;
import org.qchat.protocol.packet.ListMembers;
import org.qchat.protocol.packet.MemberList;
import org.qchat.protocol.packet.MessagePush;

/**
 * A group chat on screen in Chinese, bound to a client whose server the test plays: system lines
 * as centred lines in the user's language, and the compose box giving way while I am muted or
 * once I am no longer in the group. The panel sits in a window that is never shown. Needs a
 * display; skipped without one.
 */
class GroupLinesOnScreenTest {

    private static final long GROUP = 5;
    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final long CAROL = 3;

    @TempDir
    Path dir;
    private ClientHarness h;
    private ConversationPanel panel;
    private JFrame frame;
    private long seq;

    @BeforeEach
    void aGroupChatOpenInChinese() {
        Environment.requireDisplay();
        execute(() -> {
            I18n.use(Locale.SIMPLIFIED_CHINESE);
            Theme.apply("light");
            h = new ClientHarness(dir);
            h.loginAs(user(ALICE, "Alice"), List.of(), List.of(Wire.group(GROUP, "Hiking", Role.MEMBER, 3)),
                    List.of(Wire.groupConv(GROUP, 0, 0)));
            Conversation conv = h.client.conversations().get(GROUP).orElseThrow();
            panel = new ConversationPanel(h.client, conv, new NoActions(), ChatMedia.of(h.client));
            h.answer(ListMembers.class, q -> new MemberList(q.id(), GROUP, List.of(
                    Wire.member(ALICE, "Alice", Role.MEMBER, true), Wire.member(BOB, "Bob", Role.OWNER, true),
                    Wire.member(CAROL, "Carol", Role.MEMBER, true))));
            frame = new JFrame();
            frame.add(panel);
            frame.setSize(900, 600);
            frame.validate();
        });
    }

    @AfterEach
    void closeWindows() {
        execute(() -> {
            if (panel != null) {
                panel.dispose();
            }
            for (Window w : Window.getWindows()) {
                if (w == frame) {
                    w.dispose();
                }
            }
            I18n.use(Locale.ENGLISH);
        });
    }

    private void line(long actor, SystemEvent event) {
        seq++;
        h.transport().receive(new MessagePush(new MessageInfo(100 + seq, GROUP, seq, actor, "sys:" + seq,
                "English fallback", Wire.TIME, MessageKind.SYSTEM, null, null, null, null, null, event)));
    }

    private List<String> systemLines() {
        return Components.texts(panel, SystemLineView.NAME + ".text");
    }

    private ComposeBox compose() {
        return find(panel, ComposeBox.class);
    }

    private String composeNotice() {
        return ((JLabel) Components.find(panel, ComponentNames.CHAT_NOTICE)).getText();
    }

    @Test
    void systemLinesAreCentredLinesInTheUsersLanguageNotBubbles() {
        execute(() -> {
            line(BOB, SystemEvent.of("kicked", BOB, CAROL));
            line(ALICE, SystemEvent.of("joined", ALICE, ALICE));
            line(BOB, new SystemEvent("notice", BOB, null, null, null, "周六八点集合"));
            line(BOB, SystemEvent.of("something_new", BOB, null));

            assertThat(systemLines()).containsExactly("Bob 将 Carol 移出了群聊", "你加入了群聊",
                    "Bob 更新了群公告：周六八点集合", "English fallback");
            assertThat(Components.count(panel, SystemLineView.NAME)).isEqualTo(4);
            assertThat(find(panel, MessageRow.class)).as("no message row for a line").isNull();
        });
    }

    @Test
    void theComposeBoxGivesWayWhileIAmMutedAndComesBackWhenUnmuted() {
        long until = System.currentTimeMillis() + 3_600_000;
        String hhmm = DateTimeFormatter.ofPattern("HH:mm").format(Instant.ofEpochMilli(until).atZone(ZoneId.systemDefault()));
        execute(() -> {
            assertThat(compose().isVisible()).isTrue();

            line(BOB, new SystemEvent("muted", BOB, ALICE, null, until, null));

            assertThat(compose().isVisible()).isFalse();
            assertThat(composeNotice()).startsWith("你已被禁言至 ").contains(hhmm);
            assertThat(systemLines()).singleElement().asString().startsWith("Bob 将你禁言至");

            line(BOB, SystemEvent.of("unmuted", BOB, ALICE));

            assertThat(compose().isVisible()).isTrue();
            assertThat(Components.find(panel, ComponentNames.CHAT_NOTICE).isVisible()).isFalse();
        });
    }

    @Test
    void onceRemovedTheGroupKeepsItsNameAndTheComposeBoxSaysIAmNoLongerAMember() {
        execute(() -> {
            line(BOB, SystemEvent.of("kicked", BOB, ALICE));
            h.transport().receive(new GroupLeftPush(GROUP, "kicked"));

            assertThat(((JLabel) Components.find(panel, ComponentNames.CHAT_TITLE)).getText()).isEqualTo("Hiking");
            assertThat(compose().isVisible()).isFalse();
            assertThat(composeNotice()).isEqualTo("你已不在本群");
            assertThat(systemLines()).containsExactly("Bob 将你移出了群聊");
        });
    }

    @Test
    void aNewNoticeShowsInABarUntilDismissedAndAgainOnlyOnceItChanges() throws Exception {
        java.util.prefs.Preferences node = java.util.prefs.Preferences.userRoot()
                .node("qchat-test-notices-" + java.util.UUID.randomUUID());
        try {
            execute(() -> {
                Bindings bindings = new Bindings();
                GroupNoticeBar bar = new GroupNoticeBar(h.client, GROUP, new SeenNotices(node), bindings);
                assertThat(bar.isVisible()).as("no notice yet").isFalse();

                h.client.groups().put(hiking("周六八点集合", Wire.TIME));

                assertThat(bar.isVisible()).isTrue();
                assertThat(bar.text()).isEqualTo("群公告：周六八点集合");
                ((javax.swing.JButton) Components.find(bar, GroupNoticeBar.CLOSE)).doClick();
                assertThat(bar.isVisible()).isFalse();
                GroupNoticeBar reopened = new GroupNoticeBar(h.client, GROUP, new SeenNotices(node), bindings);
                assertThat(reopened.isVisible()).as("seen: not shown on opening again").isFalse();

                h.client.groups().put(hiking("改到九点", Wire.TIME + 1000));

                assertThat(reopened.isVisible()).as("a changed notice shows again").isTrue();
                bindings.unbindAll();
            });
        } finally {
            node.removeNode();
        }
    }

    private static org.qchat.protocol.model.GroupInfo hiking(String notice, long time) {
        return new org.qchat.protocol.model.GroupInfo(GROUP, GROUP, "Hiking", org.qchat.protocol.model.JoinPolicy.OPEN,
                BOB, 3, Role.MEMBER, notice, BOB, time, null);
    }

    private static <T extends Component> T find(Component root, Class<T> type) {
        if (type.isInstance(root)) {
            return type.cast(root);
        }
        if (root instanceof Container c) {
            for (Component child : c.getComponents()) {
                T hit = find(child, type);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }

    /** The test opens no other window. */
    private static final class NoActions implements UiActions {
        @Override
        public void openConversation(long convId) {
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
    }
}
