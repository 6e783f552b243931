package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Optional;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JTextField;
import javax.swing.WindowConstants;

import org.qchat.client.core.Credentials;
import org.qchat.client.core.ErrorKeys;
import org.qchat.client.core.SessionStore;
import org.qchat.client.core.Validation;
import org.qchat.client.i18n.I18n;
import org.qchat.client.transport.ServerAddress;
import org.qchat.client.transport.ServerList;

/**
 * Log in or create an account. Checks input with the server's rules first, then hands the
 * attempt to the application, which runs it without blocking this window; errors appear inline.
 */
public final class LoginWindow extends JFrame {

    /** What the window asks the application to do. */
    public interface Handler {
        /** Starts a login; the application calls {@link #failed} or closes this window. */
        void submit(ServerList servers, Credentials credentials, boolean remember);

        void showSettings();

        void quit();
    }

    private final Handler handler;
    /** One host, or a cluster's nodes separated by commas; the port field is for entries without one. */
    private final JTextField host = new JTextField(16);
    private final JTextField port = new JTextField(5);
    private final JTextField username = new JTextField(16);
    private final JPasswordField password = new JPasswordField(16);
    private final JPasswordField confirm = new JPasswordField(16);
    private final JTextField nickname = new JTextField(16);
    private final JCheckBox remember = new JCheckBox(I18n.tr("login.remember"));
    private final JButton submit = new JButton();
    private final JButton switchMode = new JButton();
    private final JLabel error = new JLabel();
    private final JProgressBar progress = new JProgressBar();
    /** Shows either the error line or the progress bar, in the same space. */
    private JPanel statusCards;
    private final JLabel confirmLabel = new JLabel(I18n.tr("login.confirm"));
    private final JLabel nicknameLabel = new JLabel(I18n.tr("login.nickname"));
    private final JLabel title = new JLabel();
    private boolean registering;
    /** Someone has logged in here before: the title may say "Welcome back". */
    private final boolean returning;
    private SessionStore.SavedSession saved;

    public LoginWindow(Handler handler, ServerList servers, String lastUsername, boolean rememberMe) {
        super(I18n.tr("login.window.title"));
        this.handler = handler;
        this.returning = lastUsername != null && !lastUsername.isBlank();
        setName(ComponentNames.LOGIN_WINDOW);
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosing(java.awt.event.WindowEvent e) {
                handler.quit();
            }
        });

        host.setName(ComponentNames.LOGIN_HOST);
        port.setName(ComponentNames.LOGIN_PORT);
        username.setName(ComponentNames.LOGIN_USERNAME);
        password.setName(ComponentNames.LOGIN_PASSWORD);
        confirm.setName(ComponentNames.LOGIN_CONFIRM);
        nickname.setName(ComponentNames.LOGIN_NICKNAME);
        remember.setName(ComponentNames.LOGIN_REMEMBER);
        submit.setName(ComponentNames.LOGIN_SUBMIT);
        switchMode.setName(ComponentNames.LOGIN_REGISTER);
        error.setName(ComponentNames.LOGIN_ERROR);
        progress.setName(ComponentNames.LOGIN_PROGRESS);
        host.setText(hostText(servers));
        host.setToolTipText(I18n.tr("login.server.hint"));
        port.setText(Integer.toString(servers.first().port()));
        username.setText(lastUsername == null ? "" : lastUsername);
        remember.setSelected(rememberMe);
        nickname.putClientProperty("JTextField.placeholderText", I18n.tr("login.nickname.placeholder"));
        password.putClientProperty("JTextField.showRevealButton", true);
        error.setForeground(Theme.error());
        progress.setIndeterminate(true);
        progress.setVisible(false);
        switchMode.putClientProperty("JButton.buttonType", "borderless");
        switchMode.setFocusable(false);
        submit.putClientProperty("JButton.buttonType", "roundRect");
        switchMode.addActionListener(e -> setRegistering(!registering));
        submit.addActionListener(e -> submit());
        getRootPane().setDefaultButton(submit);

        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() + 8f));
        JLabel logo = new JLabel(Avatars.user(7, "Q", 44));

        JPanel form = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(4, 4, 4, 4);
        c.anchor = GridBagConstraints.WEST;
        int row = 0;
        JPanel serverRow = new JPanel(new BorderLayout(6, 0));
        serverRow.add(host, BorderLayout.CENTER);
        JPanel portBox = new JPanel(new BorderLayout(4, 0));
        portBox.add(new JLabel(":"), BorderLayout.WEST);
        portBox.add(port, BorderLayout.CENTER);
        serverRow.add(portBox, BorderLayout.EAST);
        addRow(form, c, row++, new JLabel(I18n.tr("login.server")), serverRow);
        addRow(form, c, row++, new JLabel(I18n.tr("login.username")), username);
        addRow(form, c, row++, new JLabel(I18n.tr("login.password")), password);
        addRow(form, c, row++, confirmLabel, confirm);
        addRow(form, c, row++, nicknameLabel, nickname);
        c.gridx = 1;
        c.gridy = row++;
        c.fill = GridBagConstraints.HORIZONTAL;
        form.add(remember, c);

        JPanel header = new JPanel(new BorderLayout(12, 0));
        header.add(logo, BorderLayout.WEST);
        header.add(title, BorderLayout.CENTER);
        JButton settings = new JButton(I18n.tr("login.settings"));
        settings.setName(ComponentNames.LOGIN_SETTINGS);
        settings.putClientProperty("JButton.buttonType", "borderless");
        settings.setFocusable(false);
        settings.addActionListener(e -> handler.showSettings());
        header.add(settings, BorderLayout.EAST);

        JPanel south = new JPanel(new GridBagLayout());
        GridBagConstraints s = new GridBagConstraints();
        s.gridx = 0;
        s.fill = GridBagConstraints.HORIZONTAL;
        s.weightx = 1;
        s.insets = new Insets(3, 0, 3, 0);
        s.gridy = 0;
        south.add(statusArea(), s);
        s.gridy = 2;
        submit.setPreferredSize(new Dimension(10, 36));
        south.add(submit, s);
        s.gridy = 3;
        south.add(switchMode, s);

        JPanel content = new JPanel(new BorderLayout(0, 14));
        content.setBorder(BorderFactory.createEmptyBorder(22, 26, 18, 26));
        content.add(header, BorderLayout.NORTH);
        content.add(form, BorderLayout.CENTER);
        content.add(south, BorderLayout.SOUTH);
        setContentPane(content);
        setRegistering(false);
        setResizable(false);
    }

    /**
     * The error line and the progress bar share one area of fixed height (two lines of text), so
     * the window keeps its size whether a message, the progress bar or nothing shows.
     */
    private JPanel statusArea() {
        int line = error.getFontMetrics(error.getFont()).getHeight();
        error.setVerticalAlignment(JLabel.TOP);
        JPanel progressBox = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        progressBox.add(progress, c);
        JPanel area = new JPanel(new java.awt.CardLayout());
        area.add(error, "error");
        area.add(progressBox, "progress");
        area.setPreferredSize(new Dimension(10, 2 * line + 6));
        statusCards = area;
        return area;
    }

    private static void addRow(JPanel form, GridBagConstraints c, int row, JLabel label, JComponent field) {
        c.gridy = row;
        c.gridx = 0;
        c.weightx = 0;
        c.fill = GridBagConstraints.NONE;
        form.add(label, c);
        c.gridx = 1;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        form.add(field, c);
    }

    /**
     * What the host field shows: the host names when every address uses one port (a single server
     * looks as it always did), else each address with its port, the port field then being unused.
     */
    static String hostText(ServerList servers) {
        int port = servers.first().port();
        if (servers.addresses().stream().allMatch(a -> a.port() == port)) {
            return String.join(",", servers.addresses().stream().map(ServerAddress::host).toList());
        }
        return servers.toString();
    }

    /** A remembered session for {@code servers} and {@code user}: an empty password resumes it. */
    public void setSavedSession(SessionStore.SavedSession saved) {
        this.saved = saved;
        if (saved != null) {
            password.putClientProperty("JTextField.placeholderText", I18n.tr("login.password.remembered"));
        }
    }

    private void setRegistering(boolean registering) {
        this.registering = registering;
        title.setText(I18n.tr(registering ? "login.title.register" : returning ? "login.title.login" : "login.title.first"));
        submit.setText(I18n.tr(registering ? "login.submit.register" : "login.submit.login"));
        switchMode.setText(I18n.tr(registering ? "login.switch.toLogin" : "login.switch.toRegister"));
        confirm.setVisible(registering);
        confirmLabel.setVisible(registering);
        nickname.setVisible(registering);
        nicknameLabel.setVisible(registering);
        clearError();
        pack();
        setMinimumSize(new Dimension(Math.max(getWidth(), 420), getHeight()));
        pack();
    }

    public boolean isRegistering() {
        return registering;
    }

    /** Validates, then asks the application to log in. Public so the app can auto-submit a remembered session. */
    public void submit() {
        clearError();
        ServerList servers;
        try {
            int defaultPort = Integer.parseInt(port.getText().strip());
            if (defaultPort < 1 || defaultPort > 65535) {
                showError(I18n.tr("validation.port"));
                return;
            }
            servers = ServerList.parse(host.getText(), defaultPort);
        } catch (NumberFormatException e) {
            showError(I18n.tr("validation.port"));
            return;
        } catch (ServerList.BadEntry e) {
            showError(host.getText().isBlank() ? I18n.tr("validation.host")
                    : I18n.tr("validation.server.entry", e.entry()));
            return;
        }
        String user = username.getText().strip();
        String pass = new String(password.getPassword());
        Credentials credentials;
        if (registering) {
            Optional<String> problem = Validation.username(user)
                    .or(() -> Validation.password(pass))
                    .or(() -> pass.equals(new String(confirm.getPassword())) ? Optional.empty()
                            : Optional.of("validation.password.mismatch"))
                    .or(() -> nickname.getText().isBlank() ? Optional.empty() : Validation.nickname(nickname.getText()));
            if (problem.isPresent()) {
                showError(I18n.tr(problem.get()));
                return;
            }
            String nick = nickname.getText().isBlank() ? null : nickname.getText().strip();
            credentials = new Credentials.Registration(user, pass, nick);
        } else if (pass.isEmpty() && saved != null && saved.servers().key().equals(servers.key())
                && saved.username().equalsIgnoreCase(user)) {
            credentials = new Credentials.Token(saved.username(), saved.token());
        } else {
            if (user.isEmpty()) {
                showError(I18n.tr("validation.username.required"));
                return;
            }
            if (pass.isEmpty()) {
                showError(I18n.tr("validation.password.required"));
                return;
            }
            credentials = new Credentials.Password(user, pass);
        }
        setBusy(true);
        handler.submit(servers, credentials, remember.isSelected());
    }

    /** The attempt failed: say why and let the user try again. */
    public void failed(Throwable failure, Credentials credentials) {
        setBusy(false);
        showError(I18n.tr(ErrorKeys.of(failure, credentials.action())));
        if (!(credentials instanceof Credentials.Token)) {
            // Most failures mean retyping the password: be there, with the old attempt selected.
            password.selectAll();
            password.requestFocusInWindow();
        }
        org.qchat.client.core.ChatException e = org.qchat.client.core.ChatException.of(failure);
        if (credentials instanceof Credentials.Token && e != null
                && e.kind() == org.qchat.client.core.ChatException.Kind.SERVER_ERROR) {
            // The token was refused; an unreachable server keeps it for the next try.
            saved = null;
            password.putClientProperty("JTextField.placeholderText", null);
            password.requestFocusInWindow();
        }
    }

    /** Shows a message without an attempt, e.g. why the last session ended. */
    public void showError(String text) {
        error.setText("<html><body style='width:300px'>" + Texts.html(text) + "</body></html>");
        error.setToolTipText(text); // the whole text, should it need more than the two lines shown
        error.setVisible(true);
    }

    private void clearError() {
        error.setText(" ");
        error.setToolTipText(null);
    }

    public void setBusy(boolean busy) {
        progress.setVisible(busy);
        ((java.awt.CardLayout) statusCards.getLayout()).show(statusCards, busy ? "progress" : "error");
        for (JComponent field : new JComponent[]{host, port, username, password, confirm, nickname, remember, submit,
                switchMode}) {
            field.setEnabled(!busy);
        }
        if (busy) {
            submit.setText(I18n.tr("login.busy"));
        } else {
            submit.setText(I18n.tr(registering ? "login.submit.register" : "login.submit.login"));
        }
    }

    public void focusFirstEmpty() {
        if (username.getText().isBlank()) {
            username.requestFocusInWindow();
        } else {
            password.requestFocusInWindow();
        }
    }
}
