package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Cursor;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.core.model.Session;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.UserInfo;

/** The top of the main window: my avatar, nickname, signature and connection status. */
final class HeaderPanel extends JPanel {

    private final ChatClient client;
    private final JLabel avatar = new JLabel();
    private final JLabel nickname = new JLabel();
    private final JLabel signature = new JLabel();
    private final JLabel status = new JLabel();
    /** While reconnecting the next attempt may be up to 30 s away: this starts it now. */
    private final JButton retry = new JButton();

    HeaderPanel(ChatClient client, UiActions actions, Bindings bindings) {
        super(new BorderLayout(12, 0));
        this.client = client;
        setBorder(BorderFactory.createEmptyBorder(14, 14, 10, 14));
        nickname.setName(ComponentNames.MAIN_NICKNAME);
        signature.setName(ComponentNames.MAIN_SIGNATURE);
        status.setName(ComponentNames.MAIN_STATUS);
        nickname.setFont(nickname.getFont().deriveFont(Font.BOLD, nickname.getFont().getSize2D() + 4f));
        signature.setForeground(Theme.secondaryText());

        JPanel text = new JPanel();
        text.setOpaque(false);
        text.setLayout(new BoxLayout(text, BoxLayout.Y_AXIS));
        for (JLabel label : new JLabel[]{nickname, signature, status}) {
            label.setAlignmentX(Component.LEFT_ALIGNMENT);
        }
        text.add(nickname);
        text.add(Box.createVerticalStrut(2));
        text.add(signature);
        text.add(Box.createVerticalStrut(4));
        retry.setName(ComponentNames.MAIN_RETRY);
        retry.setText(I18n.tr("status.retryNow"));
        retry.putClientProperty("JButton.buttonType", "borderless");
        retry.setFocusable(false);
        retry.setMargin(new java.awt.Insets(0, 4, 0, 4));
        retry.setForeground(Theme.accent());
        retry.addActionListener(e -> client.retryNow());
        JPanel statusRow = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 0, 0));
        statusRow.setOpaque(false);
        statusRow.setAlignmentX(Component.LEFT_ALIGNMENT);
        statusRow.add(status);
        statusRow.add(retry);
        text.add(statusRow);
        add(avatar, BorderLayout.WEST);
        add(text, BorderLayout.CENTER);

        MouseAdapter editProfile = new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                actions.showProfile();
            }
        };
        for (JLabel label : new JLabel[]{avatar, nickname, signature}) {
            label.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
            label.setToolTipText(I18n.tr("main.profile.tooltip"));
            label.addMouseListener(editProfile);
        }

        Session.Listener listener = s -> refresh();
        client.session().addListener(listener);
        bindings.add(() -> client.session().removeListener(listener));
        refresh();
    }

    private void refresh() {
        UserInfo me = client.session().me();
        if (me != null) {
            avatar.setIcon(Avatars.user(me.userId(), displayName(me), 48));
            nickname.setText(Glyphs.safe(displayName(me)));
            signature.setText(me.signature() == null || me.signature().isBlank()
                    ? I18n.tr("main.signature.empty") : Glyphs.safe(me.signature()));
        }
        ConnectionState state = client.session().state();
        Color color = switch (state) {
            case ONLINE -> Theme.online();
            case RECONNECTING, CONNECTING -> Theme.reconnecting();
            case SIGNED_OUT -> Theme.offline();
        };
        status.setIcon(new Dot(color));
        status.setText(I18n.tr("status." + state.name().toLowerCase(java.util.Locale.ROOT)));
        retry.setVisible(state == ConnectionState.RECONNECTING);
    }

    private static String displayName(UserInfo me) {
        return me.nickname() == null || me.nickname().isBlank() ? me.username() : me.nickname();
    }

    /** A small filled circle for the status line. */
    private record Dot(Color color) implements Icon {
        @Override
        public void paintIcon(Component c, Graphics g, int x, int y) {
            java.awt.Graphics2D g2 = (java.awt.Graphics2D) g.create();
            g2.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(color);
            g2.fillOval(x, y + 1, 8, 8);
            g2.dispose();
        }

        @Override
        public int getIconWidth() {
            return 10;
        }

        @Override
        public int getIconHeight() {
            return 10;
        }
    }
}
