package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.swing.JComponent;
import javax.swing.JLabel;

import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.core.matcher.JButtonMatcher;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.Credentials;
import org.qchat.client.core.ExecutorScheduler;
import org.qchat.client.core.files.FileStorage;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.i18n.I18n;
import org.qchat.client.i18n.Language;
import org.qchat.client.testing.Environment;
import org.qchat.client.testing.LiveClient;
import org.qchat.client.testing.MemorySessionStore;
import org.qchat.client.transport.ServerAddress;
import org.qchat.client.transport.ServerList;
import org.qchat.client.transport.TioChatTransport;
import org.qchat.protocol.model.UserInfo;
import org.qchat.server.ChatServer;
import org.qchat.server.config.RateLimits;
import org.qchat.server.config.ServerConfig;

/**
 * The blocked list, the change-password dialog and the admin panel, each driven by a robot (real
 * clicks and keys, under Xvfb) with a real client against a real server. What the dialogs claim is
 * checked against what the server then does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountDialogsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "correct horse 42";

    private Path dataDir;
    private Path filesDir;
    private ChatServer server;
    private ServerList servers;
    private Robot robot;
    private ChatClient client;
    private ExecutorScheduler scheduler;
    private DialogFixture dialog;
    private boolean rootRegistered;

    @BeforeAll
    void startServer() throws Exception {
        if (!Environment.hasDisplay()) {
            return;
        }
        dataDir = Files.createTempDirectory("qchat-dialogs-");
        filesDir = Files.createTempDirectory("qchat-dialogs-files-");
        server = ChatServer.start(ServerConfig.builder().port(0).bindAddress("127.0.0.1").metricsPort(-1)
                .dataDir(dataDir).rateLimits(RateLimits.unlimited()).adminUsernames(Set.of("root")).build());
        servers = ServerList.of(new ServerAddress("127.0.0.1", server.port()));
        execute(() -> {
            I18n.use(Language.ENGLISH);
            Locale.setDefault(Locale.Category.DISPLAY, I18n.locale());
            JComponent.setDefaultLocale(I18n.locale());
            Theme.apply("light");
        });
        robot = BasicRobot.robotWithNewAwtHierarchy();
        robot.settings().delayBetweenEvents(10);
    }

    @BeforeEach
    void needsADisplay() {
        Environment.requireDisplay();
    }

    @AfterEach
    void closeTheDialogAndTheClient() {
        if (dialog != null) {
            dialog.cleanUp();
            dialog = null;
        }
        if (client != null) {
            execute(() -> client.close());
            scheduler.close();
            client = null;
        }
    }

    @AfterAll
    void stopServer() throws Exception {
        if (robot != null) {
            robot.cleanUp();
        }
        if (server != null) {
            server.close();
        }
        for (Path dir : new Path[]{dataDir, filesDir}) {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    // ---- blocked users -------------------------------------------------------------------------

    @Test
    void theBlockedListShowsWhomIBlockedAndUnblockingReachesTheServer() {
        LiveClient mallory = person("mallory");
        UserInfo malloryInfo = mallory.get(c -> c.session().me());
        mallory.close();
        signIn(register("alice"));
        onEdt(c -> c.account().block(malloryInfo));

        dialog = show(() -> new BlockedUsersDialog(null, client));

        awaitTrue("the list shows the blocked user",
                () -> execute(() -> Components.titles(dialog.list(ComponentNames.BLOCKED_LIST).target())
                        .contains(malloryInfo.nickname())));
        dialog.list(ComponentNames.BLOCKED_LIST).clickItem(0);
        dialog.button(ComponentNames.BLOCKED_UNBLOCK).click();

        awaitTrue("the list is empty", () -> execute(() -> dialog.list(ComponentNames.BLOCKED_LIST).target()
                .getModel().getSize() == 0));
        List<UserInfo> onServer = onEdt(c -> c.account().refreshBlocked());
        assertThat(onServer).as("the server's list").isEmpty();
    }

    // ---- change password -----------------------------------------------------------------------

    @Test
    void aWrongCurrentPasswordIsShownInlineAndTheRightOneChangesItAndSignsOutMyOtherDevices() {
        String name = register("bob");
        LiveClient phone = person(name, new Credentials.Password(name, PASSWORD));
        signIn(name);
        dialog = show(() -> new ChangePasswordDialog(null, client));

        dialog.textBox(ComponentNames.PASSWORD_CURRENT).enterText("not my password");
        dialog.textBox(ComponentNames.PASSWORD_NEW).enterText("battery staple 7");
        dialog.textBox(ComponentNames.PASSWORD_REPEAT).enterText("battery staple 7");
        dialog.button(ComponentNames.PASSWORD_SAVE).click();
        awaitTrue("the wrong password is named", () -> "The current password is not right.".equals(
                execute(() -> ((JLabel) dialog.label(ComponentNames.PASSWORD_ERROR).target()).getText())));
        dialog.requireVisible();

        dialog.textBox(ComponentNames.PASSWORD_CURRENT).deleteText().enterText(PASSWORD);
        dialog.button(ComponentNames.PASSWORD_SAVE).click();

        var done = JOptionPaneFinder.findOptionPane().withTimeout(WAIT.toMillis()).using(robot);
        done.requireMessage(I18n.tr("password.changed"));
        done.okButton().click();
        dialog = null;
        phone.await("the other device is signed out", c -> c.session().state() == ConnectionState.SIGNED_OUT
                ? Optional.of(true) : Optional.empty());
        String why = phone.get(c -> c.session().signedOutReason());
        assertThat(why).isEqualTo("bye.passwordChanged");
        ConnectionState mine = execute(() -> client.session().state());
        assertThat(mine).as("this device").isEqualTo(ConnectionState.ONLINE);
        person(name, new Credentials.Password(name, "battery staple 7")).close();
        phone.close();
    }

    // ---- administration ------------------------------------------------------------------------

    @Test
    void anAdministratorDisablesEnablesAndResetsAnAccountAndAnnouncesToEveryone() {
        LiveClient victim = person("victim");
        String victimName = victim.get(c -> c.session().me().username());
        signIn(adminName());
        boolean admin = execute(() -> client.session().isAdmin());
        assertThat(admin).isTrue();
        dialog = show(() -> new AdminDialog(null, client));

        dialog.textBox(ComponentNames.ADMIN_USERNAME).enterText(victimName);
        dialog.button(ComponentNames.ADMIN_DISABLE).click();
        DialogFixture confirm = WindowFinder.findDialog(ComponentNames.CONFIRM_DIALOG).withTimeout(WAIT.toMillis())
                .using(robot);
        confirm.button(JButtonMatcher.withText(I18n.tr("admin.disable"))).click();
        awaitStatus(I18n.tr("admin.disable.done", victimName));
        victim.await("the victim is signed out", c -> c.session().state() == ConnectionState.SIGNED_OUT
                ? Optional.of(true) : Optional.empty());
        String why = victim.get(c -> c.session().signedOutReason());
        assertThat(why).isEqualTo("bye.disabled");
        victim.close();

        dialog.button(ComponentNames.ADMIN_ENABLE).click();
        awaitStatus(I18n.tr("admin.enable.done", victimName));
        dialog.textBox(ComponentNames.ADMIN_NEW_PASSWORD).enterText("reset by root 1");
        dialog.button(ComponentNames.ADMIN_RESET).click();
        awaitStatus(I18n.tr("admin.reset.done", victimName));
        LiveClient back = person(victimName, new Credentials.Password(victimName, "reset by root 1"));

        dialog.textBox(ComponentNames.ADMIN_ANNOUNCEMENT).enterText("Maintenance tonight");
        dialog.button(ComponentNames.ADMIN_BROADCAST).click();
        awaitStatus(I18n.tr("admin.broadcast.done"));
        back.await("the announcement", c -> c.conversations().get(1).flatMap(conv -> conv.lastMessage())
                .filter(m -> m.text().equals("Maintenance tonight")));
        back.close();
    }

    @Test
    void forSomeoneWhoIsNoAdministratorThePanelSaysSoAndNothingHappens() {
        LiveClient target = person("target");
        String targetName = target.get(c -> c.session().me().username());
        signIn(register("plain"));
        boolean admin = execute(() -> client.session().isAdmin());
        assertThat(admin).isFalse();
        dialog = show(() -> new AdminDialog(null, client));

        dialog.textBox(ComponentNames.ADMIN_USERNAME).enterText(targetName);
        dialog.button(ComponentNames.ADMIN_ENABLE).click();

        awaitStatus(I18n.tr("error.admin.forbidden"));
        ConnectionState untouched = target.get(c -> c.session().state());
        assertThat(untouched).isEqualTo(ConnectionState.ONLINE);
        target.close();
    }

    @Test
    void escClosesTheDialog() {
        signIn(register("esc"));
        dialog = show(() -> new ChangePasswordDialog(null, client));

        dialog.pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ESCAPE);

        awaitTrue("the dialog is gone", () -> !execute(() -> dialog.target().isDisplayable()));
        dialog = null;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The administrator named in the server's configuration, registered on first use. */
    private String adminName() {
        if (!rootRegistered) {
            person("root", new Credentials.Registration("root", PASSWORD, null)).close();
            rootRegistered = true;
        }
        return "root";
    }

    /** Registers a new user (a unique name from {@code prefix}) and returns the name. */
    private String register(String prefix) {
        String name = prefix + System.nanoTime() % 1_000_000;
        person(name, new Credentials.Registration(name, PASSWORD, null)).close();
        return name;
    }

    /** A headless client of someone, logged in; registered first when it is a new name. */
    private LiveClient person(String prefix) {
        String name = prefix + System.nanoTime() % 1_000_000;
        return person(name, new Credentials.Registration(name, PASSWORD, null));
    }

    private LiveClient person(String name, Credentials credentials) {
        LiveClient live = new LiveClient(name, filesDir.resolve(name + System.nanoTime()));
        live.call(c -> c.login(servers, credentials, false));
        return live;
    }

    /** Logs the client the dialogs use in, on the Swing thread as the app does. */
    private void signIn(String name) {
        EdtExecutor edt = new EdtExecutor();
        scheduler = new ExecutorScheduler(edt);
        client = execute(() -> new ChatClient(TioChatTransport::new, edt, scheduler, new MemorySessionStore(),
                FileStorage.temporary()));
        onEdt(c -> c.login(servers, new Credentials.Password(name, PASSWORD), false));
    }

    private <T> T onEdt(Function<ChatClient, CompletableFuture<T>> request) {
        CompletableFuture<T> future = execute(() -> request.apply(client));
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the request failed", e);
        }
    }

    private DialogFixture show(java.util.function.Supplier<FormDialog> make) {
        FormDialog shown = execute(() -> {
            FormDialog d = make.get();
            d.open(null);
            return d;
        });
        DialogFixture fixture = new DialogFixture(robot, shown);
        fixture.requireVisible();
        return fixture;
    }

    private void awaitStatus(String expected) {
        awaitTrue("the status line says: " + expected, () -> expected.equals(
                execute(() -> ((JLabel) dialog.label(ComponentNames.ADMIN_STATUS).target()).getText())));
    }

    private static void awaitTrue(String what, java.util.concurrent.Callable<Boolean> condition) {
        await(what).atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(condition);
    }
}
