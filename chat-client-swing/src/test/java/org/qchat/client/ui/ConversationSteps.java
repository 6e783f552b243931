package org.qchat.client.ui;

import static org.assertj.swing.edt.GuiActionRunner.execute;
import static org.qchat.client.ui.Components.find;
import static org.qchat.client.ui.Components.selectedConversation;
import static org.qchat.client.ui.Components.texts;
import static org.qchat.client.ui.GuiClient.waitFor;
import static org.qchat.client.ui.GuiClient.waitUntil;

import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenuItem;
import javax.swing.SwingUtilities;

import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.core.matcher.JButtonMatcher;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JListFixture;
import org.assertj.swing.fixture.JMenuItemFixture;
import org.assertj.swing.fixture.JTextComponentFixture;
import org.qchat.protocol.model.MemberInfo;

/**
 * What one person ({@link GuiClient}) does to and reads from a conversation beyond sending: replies
 * and recalls from a message's right-click menu, ticks under their messages, a peer's "typing…",
 * the message search of the main window, removing a group member, blocking and unblocking. Clicks
 * and keys go through the robot; reads run on the event thread; waits poll a condition.
 */
final class ConversationSteps {

    private final GuiClient person;

    ConversationSteps(GuiClient person) {
        this.person = person;
    }

    // ---- a message's menu: reply and recall ------------------------------------------------

    /** Right-clicks the message showing {@code text} and chooses Reply; types {@code reply} and presses Enter. */
    void reply(long convId, String text, String reply) {
        chooseFromMessageMenu(convId, text, MessageMenu.REPLY);
        waitUntil("the reply bar shows above the message box", () -> {
            Component bar = find(person.panel(convId), ReplyBar.NAME);
            return bar != null && bar.isShowing();
        });
        person.send(convId, reply);
        waitUntil("the reply bar goes once the reply is sent", () -> !find(person.panel(convId), ReplyBar.NAME).isVisible());
    }

    /** Right-clicks my message showing {@code text} and chooses Recall. */
    void recall(long convId, String text) {
        chooseFromMessageMenu(convId, text, MessageMenu.RECALL);
    }

    private void chooseFromMessageMenu(long convId, String text, String item) {
        person.selectTab(convId);
        JComponent bubble = waitFor("the message \"" + text + "\"", () -> execute(() -> textOf(convId, text)));
        // As a person scrolls to the message before right-clicking it.
        execute(() -> bubble.scrollRectToVisible(new Rectangle(0, 0, bubble.getWidth(), bubble.getHeight())));
        person.robot().waitForIdle();
        person.robot().rightClick(bubble);
        clickMenuItem(item);
    }

    /** The text component of the newest message showing exactly {@code text}, or null. */
    private JComponent textOf(long convId, String text) {
        JComponent hit = null;
        for (Component c : Components.all(person.panel(convId), ComponentNames.MESSAGE_TEXT)) {
            if (c instanceof javax.swing.text.JTextComponent t && t.getText().equals(text)) {
                hit = t;
            }
        }
        return hit;
    }

    /** The delivery state in words ({@link Components#deliveryState}) of my newest message showing {@code text}, or null. */
    String deliveryState(long convId, String text) {
        return execute(() -> {
            JComponent bubble = textOf(convId, text);
            MessageRow row = bubble == null ? null : (MessageRow) SwingUtilities.getAncestorOfClass(MessageRow.class, bubble);
            return row == null ? null : Components.deliveryState((JLabel) find(row, ComponentNames.MESSAGE_STATE));
        });
    }

    /** The excerpts quoted above the replies in a conversation, top to bottom. */
    List<String> quotes(long convId) {
        return execute(() -> texts(person.panel(convId), QuoteBlock.NAME + ".text"));
    }

    /** For each reply in the conversation, its quote's excerpt and then its own text. */
    List<List<String>> replies(long convId) {
        return execute(() -> {
            List<List<String>> out = new ArrayList<>();
            for (Component quote : Components.all(person.panel(convId), QuoteBlock.NAME)) {
                MessageRow row = (MessageRow) SwingUtilities.getAncestorOfClass(MessageRow.class, quote);
                out.add(List.of(texts(quote, QuoteBlock.NAME + ".text").get(0),
                        texts(row, ComponentNames.MESSAGE_TEXT).get(0)));
            }
            return out;
        });
    }

    /** The "… recalled a message" lines of a conversation, top to bottom. */
    List<String> recalledLines(long convId) {
        return execute(() -> texts(person.panel(convId), RecalledLine.NAME));
    }

    /** The group's system lines ("Alice removed you from the group"), top to bottom. */
    List<String> systemLines(long convId) {
        return execute(() -> texts(person.panel(convId), SystemLineView.NAME + ".text"));
    }

    // ---- the conversation's header and compose box -----------------------------------------

    /** The ticks under my messages: "sending", "sent", "delivered" or "read", top to bottom. */
    List<String> ticks(long convId) {
        return execute(() -> Components.ticks(person.panel(convId)));
    }

    String title(long convId) {
        return execute(() -> ((JLabel) find(person.panel(convId), ComponentNames.CHAT_TITLE)).getText());
    }

    /** The title of the conversation's tab in the chat window. */
    String tabTitle(long convId) {
        return execute(() -> {
            javax.swing.JTabbedPane tabs = (javax.swing.JTabbedPane) find(person.chatWindow().target(),
                    ComponentNames.CHAT_TABS);
            return tabs.getTitleAt(tabs.indexOfComponent(person.panel(convId)));
        });
    }

    /** The line under the title: presence, "typing…", or a group's size. */
    String subtitle(long convId) {
        return execute(() -> ((JLabel) find(person.panel(convId), ComponentNames.CHAT_SUBTITLE)).getText());
    }

    /** The sentence shown where the compose box was, or null while the compose box shows. */
    String composeNotice(long convId) {
        return execute(() -> {
            Container panel = person.panel(convId);
            Component input = find(panel, ComponentNames.CHAT_INPUT);
            JLabel notice = (JLabel) find(panel, ComponentNames.CHAT_NOTICE);
            return input.isShowing() || !notice.isShowing() ? null : notice.getText();
        });
    }

    /** Types into the message box without sending (so the peer is told I am typing). */
    void typeWithoutSending(long convId, String text) {
        person.selectTab(convId);
        person.conversation(convId).textBox(ComponentNames.CHAT_INPUT).enterText(text);
    }

    /** Selects all in the message box and deletes it, as one gives up a message. */
    void clearInput(long convId) {
        JTextComponentFixture input = person.conversation(convId).textBox(ComponentNames.CHAT_INPUT);
        input.deleteText();
        waitUntil("the message box is empty", () -> input.target().getText().isEmpty());
    }

    // ---- searching the messages kept on this computer --------------------------------------

    /** Types {@code query} into the main window's search box and shows the Messages tab. */
    void searchMessages(String query) {
        JTextComponentFixture box = person.mainWindow().textBox(ComponentNames.MAIN_SEARCH);
        box.click().deleteText().enterText(query);
        person.mainWindow().tabbedPane(ComponentNames.MAIN_TABS).selectTab(3);
    }

    /** The texts of the messages the Messages tab lists, top to bottom. */
    List<String> foundMessages() {
        return execute(() -> {
            JList<?> list = (JList<?>) find(person.mainWindow().target(), MessageSearchPanel.RESULTS);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < list.getModel().getSize(); i++) {
                out.add(((MessageSearchPanel.Found) list.getModel().getElementAt(i)).message().text());
            }
            return out;
        });
    }

    /** Double-clicks the found message showing {@code text}; its conversation opens. Returns its seq. */
    long openFound(String text) {
        JListFixture list = person.mainWindow().list(MessageSearchPanel.RESULTS);
        int index = foundMessages().indexOf(text);
        long seq = execute(() -> ((MessageSearchPanel.Found) list.target().getModel().getElementAt(index)).message().seq());
        list.item(index).doubleClick();
        return seq;
    }

    /** Whether the conversation's tab is selected and the message {@code seq} is on screen in it. */
    boolean showsMessage(long convId, long seq) {
        return execute(() -> {
            if (selectedConversation(person.chatWindow().target()) != convId) {
                return false;
            }
            Component row = find(person.panel(convId), "message." + seq);
            if (!(row instanceof JComponent r) || !r.isShowing()) {
                return false;
            }
            Rectangle seen = r.getVisibleRect();
            return seen.height >= Math.min(r.getHeight(), 20);
        });
    }

    /** Empties the main window's search box; the lists show everything again. */
    void clearSearch() {
        person.mainWindow().textBox(ComponentNames.MAIN_SEARCH).click().deleteText();
    }

    /** The second line of each friend in the Friends tab ("Online · Blocked"), top to bottom. */
    List<String> friendLines() {
        return execute(() -> Components.entries((JList<?>) find(person.mainWindow().target(), ComponentNames.MAIN_FRIENDS))
                .stream().map(ListEntry::subtitle).toList());
    }

    // ---- group members ----------------------------------------------------------------------

    /** Right-clicks {@code member} in the group's member list, chooses Remove and confirms. */
    void kick(long groupConv, GuiClient member) {
        person.selectTab(groupConv);
        JListFixture members = person.conversation(groupConv).list(ComponentNames.GROUP_MEMBERS);
        int index = waitFor(member.username + " in the member list", () -> execute(() -> {
            JList<?> list = members.target();
            for (int i = 0; i < list.getModel().getSize(); i++) {
                if (((MemberInfo) list.getModel().getElementAt(i)).user().username().equals(member.username)) {
                    return i;
                }
            }
            return null;
        }));
        members.item(index).rightClick();
        clickMenuItem(ComponentNames.GROUP_KICK);
        confirm(org.qchat.client.i18n.I18n.tr("group.kick"));
    }

    // ---- blocking ---------------------------------------------------------------------------

    /** Opens the "⋯" menu of a private chat's header, chooses Block and confirms. */
    void blockPeer(long convId) {
        person.selectTab(convId);
        person.conversation(convId).button(ComponentNames.CHAT_MORE).click();
        clickMenuItem(ComponentNames.FRIEND_BLOCK);
        confirm(org.qchat.client.i18n.I18n.tr("user.block"));
    }

    /** Opens Blocked users from the main window's menu, selects {@code who} and presses Unblock; the list empties. */
    void unblockInBlockedList(GuiClient who) {
        person.mainWindow().menuItem(new GenericTypeMatcher<>(JMenuItem.class, false) {
            @Override
            protected boolean isMatching(JMenuItem item) {
                return ComponentNames.MENU_BLOCKED.equals(item.getName());
            }
        }).click();
        DialogFixture dialog = person.dialog(ComponentNames.BLOCKED_DIALOG);
        JListFixture list = dialog.list(ComponentNames.BLOCKED_LIST);
        waitUntil("the blocked list shows " + who.nickname, () -> Components.titles(list.target()).contains(who.nickname));
        list.item(execute(() -> Components.titles(list.target()).indexOf(who.nickname))).click();
        dialog.button(ComponentNames.BLOCKED_UNBLOCK).click();
        waitUntil(who.nickname + " leaves the blocked list", () -> !Components.titles(list.target()).contains(who.nickname));
        dialog.button(ComponentNames.DIALOG_CANCEL).click();
        waitUntil("the blocked list closes", () -> !dialog.target().isShowing());
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Clicks the item named {@code name} of the popup menu that just opened. */
    private void clickMenuItem(String name) {
        JMenuItem item = waitFor("the menu item " + name, () -> person.robot().finder().find(
                new GenericTypeMatcher<>(JMenuItem.class, true) {
                    @Override
                    protected boolean isMatching(JMenuItem candidate) {
                        return name.equals(candidate.getName());
                    }
                }));
        new JMenuItemFixture(person.robot(), item).click();
    }

    /** Presses the button named {@code action} of the confirmation that opened. */
    private void confirm(String action) {
        DialogFixture confirmation = person.dialog(ComponentNames.CONFIRM_DIALOG);
        confirmation.button(JButtonMatcher.withText(action)).click();
        waitUntil("the confirmation closes", () -> !confirmation.target().isShowing());
    }
}
