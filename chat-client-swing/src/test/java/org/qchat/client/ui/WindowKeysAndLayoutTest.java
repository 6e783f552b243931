package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;
import static org.awaitility.Awaitility.await;

import java.awt.Dimension;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.swing.JFrame;
import javax.swing.JPasswordField;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;

import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.core.Robot;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.core.ChatException;
import org.qchat.client.core.Credentials;
import org.qchat.client.i18n.I18n;
import org.qchat.client.testing.Environment;
import org.qchat.client.transport.ServerAddress;
import org.qchat.client.transport.ServerList;

/** Keys and sizes a person notices at once: tab shortcuts while typing, a login window that holds still. */
class WindowKeysAndLayoutTest {

    /** AssertJ Swing takes the old-style modifier masks. */
    @SuppressWarnings("deprecation")
    private static final int CTRL = java.awt.event.InputEvent.CTRL_MASK;
    @SuppressWarnings("deprecation")
    private static final int SHIFT = java.awt.event.InputEvent.SHIFT_MASK;

    private Robot robot;
    private FrameFixture frame;

    @BeforeEach
    void robot() {
        Environment.requireDisplay();
        execute(() -> I18n.use(Locale.ENGLISH));
        robot = BasicRobot.robotWithNewAwtHierarchy();
    }

    @AfterEach
    void cleanUp() {
        if (frame != null) {
            frame.cleanUp();
        }
        if (robot != null) {
            robot.cleanUp();
        }
    }

    @Test
    void ctrlTabAndCtrlShiftTabSwitchTabsAndCtrlWClosesOneEvenWhileTyping() {
        List<Integer> closed = new ArrayList<>();
        JTabbedPane tabs = execute(() -> new JTabbedPane());
        JTextArea typing = execute(() -> new JTextArea(4, 20));
        JFrame window = execute(() -> {
            JFrame f = new JFrame("tabs");
            for (String title : new String[]{"Bob", "Carol", "Hiking"}) {
                tabs.addTab(title, title.equals("Bob") ? typing : new javax.swing.JPanel());
            }
            f.setContentPane(tabs);
            TabKeys.install(f, tabs, closed::add);
            f.pack();
            return f;
        });
        frame = new FrameFixture(robot, window);
        frame.show();
        robot.click(typing);

        robot.pressAndReleaseKey(KeyEvent.VK_TAB, CTRL);
        assertThat(execute(() -> tabs.getSelectedIndex()).intValue()).isEqualTo(1);
        robot.pressAndReleaseKey(KeyEvent.VK_TAB, CTRL, SHIFT);
        robot.pressAndReleaseKey(KeyEvent.VK_TAB, CTRL, SHIFT);
        assertThat(execute(() -> tabs.getSelectedIndex()).intValue()).as("round the start").isEqualTo(2);
        frame.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_W).modifiers(CTRL));

        assertThat(closed).containsExactly(2);
        assertThat(execute(() -> typing.getText())).as("no tab typed into the message").isEmpty();
    }

    @Test
    void theLoginWindowKeepsItsSizeWhenAnErrorShowsAndReturnsToThePassword() {
        LoginWindow login = execute(() -> new LoginWindow(new LoginWindow.Handler() {
            @Override
            public void submit(ServerList servers, Credentials credentials, boolean remember) {
            }

            @Override
            public void showSettings() {
            }

            @Override
            public void quit() {
            }
        }, ServerList.of(new ServerAddress("127.0.0.1", 9321)), "alice", false));
        frame = new FrameFixture(robot, login);
        frame.show();
        Dimension before = execute(() -> login.getSize());
        frame.textBox(ComponentNames.LOGIN_PASSWORD).enterText("wrong password");
        frame.button(ComponentNames.LOGIN_SUBMIT).click();
        Dimension busy = execute(() -> login.getSize());

        execute(() -> login.failed(new ChatException(ChatException.Kind.UNREACHABLE, "down"),
                new Credentials.Password("alice", "wrong password")));

        await().atMost(Duration.ofSeconds(5)).until(() -> execute(() ->
                KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner() instanceof JPasswordField p
                        && ComponentNames.LOGIN_PASSWORD.equals(p.getName())));
        assertThat(busy).as("while connecting").isEqualTo(before);
        assertThat(execute(() -> login.getSize())).as("with the error shown").isEqualTo(before);
        assertThat(execute(() -> login.getTitle())).isNotBlank();
    }
}
