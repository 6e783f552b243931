package org.qchat.client.ui;

import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Window;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import org.qchat.client.AppFolders;
import org.qchat.client.ClientPreferences;
import org.qchat.client.LaunchOptions;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.Credentials;
import org.qchat.client.core.ExecutorScheduler;
import org.qchat.client.core.files.FileStorage;
import org.qchat.client.core.history.H2LocalHistory;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.core.model.Session;
import org.qchat.client.i18n.I18n;
import org.qchat.client.i18n.Language;
import org.qchat.client.ui.media.ScreenCapture;
import org.qchat.client.transport.ServerAddress;
import org.qchat.client.transport.ServerList;
import org.qchat.client.transport.TioChatTransport;

/**
 * Wires the client to its windows and switches between them: the login window while signed out,
 * the main window and the chat window while signed in. Language and theme changes rebuild the
 * windows from the models, which live on. Everything here runs on the Swing event thread.
 */
public final class ClientApplication implements UiActions, LoginWindow.Handler {

    private final LaunchOptions options;
    private final ClientPreferences prefs;
    private final ExecutorScheduler scheduler;
    private final ChatClient client;
    private final Notifier notifier;
    private final ChatMedia media;
    private LoginWindow loginWindow;
    private MainWindow mainWindow;
    private ChatWindow chatWindow;
    private Credentials pending;
    private org.qchat.client.transport.NetworkWatch networkWatch;
    /** The first close to the tray says where the app went; later ones need not. */
    private boolean toldAboutTray;
    private boolean quitting;

    public ClientApplication(LaunchOptions options, ClientPreferences prefs) {
        this.options = options;
        this.prefs = prefs;
        EdtExecutor edt = new EdtExecutor();
        this.scheduler = new ExecutorScheduler(edt);
        AppFolders folders = AppFolders.system();
        FileStorage files = FileStorage.of(folders.cacheDir(options.profile()), prefs::downloadsDir);
        Path histories = folders.historyDir(options.profile());
        this.client = new ChatClient(() -> new TioChatTransport(options.tls()), edt, scheduler, prefs, files,
                (account, userId) -> H2LocalHistory.of(histories, account, userId));
        this.notifier = new Notifier(client, this);
        notifier.setSoundOn(prefs::soundOn);
        this.media = ChatMedia.of(client);
    }

    /** Shows the login window; resumes a remembered session at once. Call on the EDT. */
    public void start() {
        notifier.install();
        // Back-off can leave a reconnect 30 s away: when the network returns, try at once.
        networkWatch = new org.qchat.client.transport.NetworkWatch(() -> SwingUtilities.invokeLater(client::retryNow));
        networkWatch.start(java.time.Duration.ofSeconds(2));
        client.session().addListener(this::sessionChanged);
        showLogin(null);
        prefs.savedSession().ifPresent(saved -> {
            boolean sameServer = options.servers() == null || options.servers().key().equals(saved.servers().key());
            boolean sameUser = options.username() == null || options.username().equalsIgnoreCase(saved.username());
            if (sameServer && sameUser && loginWindow != null) {
                loginWindow.submit();
            }
        });
    }

    public ChatClient client() {
        return client;
    }

    // ---- login -----------------------------------------------------------------------------

    private void showLogin(String messageKey) {
        ServerList servers = options.servers() != null ? options.servers()
                : prefs.servers(ServerList.of(new ServerAddress("localhost", ServerAddress.DEFAULT_PORT)));
        String username = options.username() != null ? options.username() : prefs.username();
        loginWindow = new LoginWindow(this, servers, username, prefs.remember());
        // Same key, same cluster: the token is good on any of its nodes.
        prefs.savedSession()
                .filter(s -> s.servers().key().equals(servers.key()) && s.username().equalsIgnoreCase(username))
                .ifPresent(loginWindow::setSavedSession);
        if (messageKey != null) {
            loginWindow.showError(I18n.tr(messageKey));
        }
        loginWindow.setLocationRelativeTo(null);
        loginWindow.setVisible(true);
        loginWindow.focusFirstEmpty();
    }

    @Override
    public void submit(ServerList servers, Credentials credentials, boolean remember) {
        prefs.setServers(servers);
        prefs.setUsername(credentials.username());
        prefs.setRemember(remember);
        prefs.flush();
        pending = credentials;
        client.login(servers, credentials, remember).whenComplete((v, failure) -> SwingUtilities.invokeLater(() -> {
            if (failure != null) {
                if (loginWindow != null) {
                    loginWindow.failed(failure, credentials);
                }
            } else {
                showMain();
                if (credentials instanceof Credentials.Registration) {
                    String name = client.session().me() == null ? credentials.username()
                            : org.qchat.client.core.model.Names.display(client.session().me());
                    notifier.inform(I18n.tr("welcome.new.title"), I18n.tr("welcome.new.body", name));
                }
            }
            pending = null;
        }));
    }

    private void showMain() {
        if (loginWindow != null) {
            loginWindow.dispose();
            loginWindow = null;
        }
        mainWindow = new MainWindow(client, this);
        chatWindow = new ChatWindow(client, this, media);
        notifier.setMainWindow(mainWindow);
        placeWindows();
        mainWindow.setVisible(true);
    }

    /** Main window at the right of the screen, chat window to its left, as messengers do. */
    private void placeWindows() {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        int height = Math.min(mainWindow.getHeight(), screen.height - 40);
        mainWindow.setBounds(screen.x + screen.width - mainWindow.getWidth() - 20, screen.y + 20,
                mainWindow.getWidth(), height);
        int chatWidth = Math.min(chatWindow.getWidth(), mainWindow.getX() - screen.x - 20);
        chatWindow.setBounds(Math.max(screen.x, mainWindow.getX() - chatWidth - 12), screen.y + 20,
                Math.max(chatWindow.getMinimumSize().width, chatWidth), Math.min(chatWindow.getHeight(), screen.height - 40));
    }

    private void sessionChanged(Session session) {
        if (session.state() == ConnectionState.SIGNED_OUT && mainWindow != null && pending == null && !quitting) {
            // The session ended by itself (password changed elsewhere, token refused) or by logout.
            closeSessionWindows();
            showLogin(session.signedOutReason());
        }
    }

    private void closeSessionWindows() {
        Toast.closeAll();
        if (chatWindow != null) {
            chatWindow.dispose();
            chatWindow = null;
        }
        if (mainWindow != null) {
            mainWindow.dispose();
            mainWindow = null;
        }
        notifier.setMainWindow(null);
    }

    // ---- UiActions -------------------------------------------------------------------------

    @Override
    public void openConversation(long convId) {
        if (chatWindow != null) {
            chatWindow.open(convId);
        }
    }

    @Override
    public void openMessage(long convId, long seq) {
        if (chatWindow != null) {
            chatWindow.openAt(convId, seq);
        }
    }

    @Override
    public void captureScreen(long convId) {
        boolean writable = client.conversations().get(convId).map(c -> c.isActive() && !c.isSystem()).orElse(false);
        if (mainWindow != null && writable) {
            ScreenCapture.start(mainWindow, image -> media.sender().sendPicture(mainWindow, convId, image,
                    "screenshot", () -> openConversation(convId)));
        }
    }

    @Override
    public void showAddFriend() {
        new AddFriendDialog(mainWindow, client).open(mainWindow);
    }

    @Override
    public void showCreateGroup() {
        new CreateGroupDialog(mainWindow, client, this::openConversation).open(mainWindow);
    }

    @Override
    public void showJoinGroup() {
        new JoinGroupDialog(mainWindow, client, this::openConversation).open(mainWindow);
    }

    @Override
    public void showProfile() {
        new ProfileDialog(mainWindow, client).open(mainWindow);
    }

    @Override
    public void showSettings() {
        Window owner = mainWindow != null ? mainWindow : loginWindow;
        SettingsDialog dialog = new SettingsDialog(owner, prefs.language(), prefs.theme(), this::applySettings);
        dialog.offerSound(prefs.soundOn(), on -> {
            prefs.setSoundOn(on);
            prefs.flush();
        });
        if (notifier.hasTray()) {
            dialog.offerTray(prefs.closeToTray(), keep -> {
                prefs.setCloseToTray(keep);
                prefs.flush();
            });
        }
        // The default downloads folder is found by looking at the disk: not on this thread.
        CompletableFuture.supplyAsync(prefs::downloadsDir)
                .thenAccept(folder -> SwingUtilities.invokeLater(() -> dialog.showDownloads(folder)));
        dialog.open(owner);
    }

    private void applySettings(SettingsDialog.Choice choice) {
        Language language = choice.language();
        String theme = choice.theme();
        boolean languageChanged = language != prefs.language();
        boolean themeChanged = !theme.equals(prefs.theme());
        prefs.setLanguage(language);
        prefs.setTheme(theme);
        if (choice.downloads() != null) {
            prefs.setDownloadsDir(choice.downloads());
        }
        prefs.flush();
        if (themeChanged) {
            Theme.apply(theme);
        }
        if (languageChanged || themeChanged) {
            // Our own colours and every text are read when views are built: rebuild them.
            I18n.use(language);
            JComponent.setDefaultLocale(I18n.locale());
            rebuildWindows();
        }
    }

    private void rebuildWindows() {
        if (mainWindow != null) {
            List<Long> open = chatWindow.openConversations();
            Rectangle mainBounds = mainWindow.getBounds();
            Rectangle chatBounds = chatWindow.getBounds();
            boolean chatVisible = chatWindow.isVisible();
            closeSessionWindows();
            mainWindow = new MainWindow(client, this);
            chatWindow = new ChatWindow(client, this, media);
            notifier.setMainWindow(mainWindow);
            mainWindow.setBounds(mainBounds);
            chatWindow.setBounds(chatBounds);
            mainWindow.setVisible(true);
            if (chatVisible) {
                open.forEach(chatWindow::open);
            }
        } else if (loginWindow != null) {
            loginWindow.dispose();
            showLogin(null);
        }
    }

    @Override
    public void showBlockedUsers() {
        new BlockedUsersDialog(mainWindow, client).open(mainWindow);
    }

    @Override
    public void showChangePassword() {
        new ChangePasswordDialog(mainWindow, client).open(mainWindow);
    }

    @Override
    public void showAdmin() {
        new AdminDialog(mainWindow, client).open(mainWindow);
    }

    @Override
    public void showMainWindow() {
        if (mainWindow != null) {
            mainWindow.setVisible(true);
            mainWindow.setExtendedState(mainWindow.getExtendedState() & ~Frame.ICONIFIED);
            mainWindow.toFront();
        } else if (loginWindow != null) {
            loginWindow.toFront();
        }
    }

    /** With a tray (and the setting on) the app keeps running there, as messengers do; else it quits. */
    @Override
    public void mainWindowClosing() {
        if (notifier.hasTray() && prefs.closeToTray() && mainWindow != null) {
            mainWindow.setVisible(false);
            if (!toldAboutTray) {
                toldAboutTray = true;
                notifier.inform(I18n.tr("app.name"), I18n.tr("tray.stillRunning"));
            }
        } else {
            quit();
        }
    }

    @Override
    public void logout() {
        client.logout();
    }

    @Override
    public void quit() {
        quitting = true;
        if (networkWatch != null) {
            networkWatch.close();
        }
        client.close();
        notifier.uninstall();
        scheduler.close();
        for (Frame f : Frame.getFrames()) {
            f.dispose();
        }
        // t-io's shutdown runs on its own daemon thread; give it a moment, then leave.
        System.exit(0);
    }
}
