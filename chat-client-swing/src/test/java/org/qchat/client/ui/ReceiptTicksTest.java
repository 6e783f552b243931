package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;
import static org.qchat.client.testing.Wire.user;

import java.awt.Color;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

import javax.swing.Icon;
import javax.swing.JFrame;
import javax.swing.JLabel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.i18n.I18n;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Environment;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.Receipt;
import org.qchat.protocol.model.Role;
import org.qchat.protocol.packet.ListReceipts;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.ReceiptList;
import org.qchat.protocol.packet.ReceiptPush;

/**
 * The ticks and "N read" under my messages, and runs of one sender's messages, as the message
 * list draws them, bound to a client whose server the test plays. The list sits in a window that
 * is never shown. Needs a display; skipped without one.
 */
class ReceiptTicksTest {

    private static final long ME = 1;
    private static final long BOB = 2;
    private static final long CAROL = 3;
    private static final long CONV = 12;
    private static final long GROUP = 5;
    private static final long MINUTE = 60_000;

    private ClientHarness h;
    private MessageListPanel list;
    private JFrame frame;

    private void onScreen(long convId) {
        Environment.requireDisplay();
        execute(() -> {
            I18n.use(Locale.ENGLISH);
            Theme.apply("light");
            h = new ClientHarness();
            h.loginAs(user(ME, "Alice"), List.of(Wire.friend(BOB, "Bob", true, CONV)),
                    List.of(Wire.group(GROUP, "Hiking", Role.MEMBER, 3)),
                    List.of(Wire.privateConv(CONV, BOB, 0, 0), Wire.groupConv(GROUP, 0, 0)));
            h.client.users().put(user(CAROL, "Carol"));
            Conversation conv = h.client.conversations().get(convId).orElseThrow();
            list = new MessageListPanel(h.client, conv, new PictureCache(), h.client::retry, () -> {
            });
            frame = new JFrame();
            frame.add(list);
            frame.pack();
        });
    }

    @AfterEach
    void closeWindows() {
        execute(() -> {
            if (list != null) {
                list.dispose();
            }
            for (Window w : Window.getWindows()) {
                if (w == frame) {
                    w.dispose();
                }
            }
        });
    }

    private void receive(long convId, long seq, long sender, long minute) {
        h.transport().receive(new MessagePush(new MessageInfo(100 + seq, convId, seq, sender, "c" + convId + "-" + seq,
                "text " + seq, Wire.TIME + minute * MINUTE)));
        list.refresh();
    }

    private MessageRow row(long seq) {
        return (MessageRow) Components.find(list, "message." + seq);
    }

    private JLabel state(long seq) {
        return (JLabel) Components.find(row(seq), ComponentNames.MESSAGE_STATE);
    }

    private static String drawn(JLabel label) {
        Icon icon = label.getIcon();
        return icon instanceof StatusIcons.Drawn d ? d.description() : String.valueOf(icon);
    }

    /** Whether the icon paints a pixel of (nearly) this colour. */
    private static boolean paints(Icon icon, Color color) {
        BufferedImage image = new BufferedImage(icon.getIconWidth(), icon.getIconHeight(), BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                Color c = new Color(image.getRGB(x, y), true);
                if (c.getAlpha() > 200 && Math.abs(c.getRed() - color.getRed()) < 12
                        && Math.abs(c.getGreen() - color.getGreen()) < 12 && Math.abs(c.getBlue() - color.getBlue()) < 12) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void myMessageInAPrivateChatGoesFromOneGreyTickToTwoGreyTicksToTwoBlueTicksWithoutASentLabel() {
        onScreen(CONV);
        execute(() -> {
            receive(CONV, 1, BOB, 0);
            receive(CONV, 2, ME, 1);
            assertThat(drawn(state(2))).isEqualTo("sent");
            assertThat(state(2).getText()).as("no \"Sent\" text any more").isNullOrEmpty();

            h.transport().receive(new ReceiptPush(CONV, BOB, 2, 0));
            list.refresh();
            assertThat(drawn(state(2))).isEqualTo("delivered");
            assertThat(paints(state(2).getIcon(), StatusIcons.READ_BLUE)).isFalse();

            h.transport().receive(new ReceiptPush(CONV, BOB, 2, 2));
            list.refresh();
            assertThat(drawn(state(2))).isEqualTo("read");
            assertThat(paints(state(2).getIcon(), StatusIcons.READ_BLUE)).as("two blue ticks").isTrue();
            assertThat(state(2).getToolTipText()).isEqualTo("Read");
        });
    }

    @Test
    void aMessageBeingSentShowsAClock() {
        onScreen(CONV);
        execute(() -> {
            h.transport().drop("network down");
            var sending = h.client.sendMessage(CONV, "later");
            list.refresh();
            JLabel state = (JLabel) Components.find(Components.find(list, "message.out." + sending.clientMsgId()),
                    ComponentNames.MESSAGE_STATE);
            assertThat(drawn(state)).isEqualTo("sending");
        });
    }

    @Test
    void inAGroupMyMessageSaysHowManyReadItAndWho() {
        onScreen(GROUP);
        execute(() -> {
            receive(GROUP, 1, ME, 0);
            receive(GROUP, 2, ME, 0);
            h.client.setViewing(GROUP, true);
            h.answer(ListReceipts.class, r -> new ReceiptList(r.id(), GROUP, List.of(new Receipt(ME, 2, 2),
                    new Receipt(BOB, 2, 2), new Receipt(CAROL, 1, 1))));
            list.refresh();

            assertThat(state(1).getText()).isEqualTo("2 read");
            assertThat(state(1).getToolTipText()).isEqualTo("Read by Bob, Carol");
            assertThat(state(2).getText()).isEqualTo("1 read");
            assertThat(state(2).getToolTipText()).isEqualTo("Read by Bob");
        });
    }

    @Test
    void aRunOfOneSendersMessagesShowsOneAvatarAndNameAndTheTimeOnlyWhereItChanges() {
        onScreen(CONV);
        execute(() -> {
            receive(CONV, 1, BOB, 0);
            receive(CONV, 2, BOB, 1);
            receive(CONV, 3, BOB, 12);
            receive(CONV, 4, ME, 12);

            assertThat(row(1).showsAvatar()).isTrue();
            assertThat(row(1).showsHeader()).isTrue();
            assertThat(row(2).showsAvatar()).as("same sender, a minute later").isFalse();
            assertThat(row(2).showsHeader()).isFalse();
            assertThat(row(3).showsHeader()).as("more than five minutes later: the time shows again").isTrue();
            assertThat(row(4).showsAvatar()).as("another sender starts a run").isTrue();
        });
    }
}
