package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.GroupDirectory;
import org.qchat.client.core.model.Names;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.MemberInfo;
import org.qchat.protocol.model.Role;

/**
 * A group's members with role and presence, and the actions my role allows: invite for every
 * member; kick, grant or revoke admin, dissolve only where {@link GroupDirectory} says I may.
 */
final class GroupMembersPanel extends JPanel {

    private final ChatClient client;
    private final long groupId;
    private final UiActions actions;
    private final DefaultListModel<MemberInfo> model = new DefaultListModel<>();
    private final JList<MemberInfo> list = new JList<>(model);
    private final JLabel title = new JLabel();
    private final JButton invite = new JButton(I18n.tr("group.invite"));
    private final JButton leave = new JButton(I18n.tr("group.leave"));
    private final JButton dissolve = new JButton(I18n.tr("group.dissolve"));

    GroupMembersPanel(ChatClient client, long groupId, UiActions actions, Bindings bindings) {
        super(new BorderLayout());
        this.client = client;
        this.groupId = groupId;
        this.actions = actions;
        setPreferredSize(new Dimension(230, 100));
        setBorder(BorderFactory.createMatteBorder(0, 1, 0, 0, UIManager.getColor("Component.borderColor")));
        title.setName(ComponentNames.GROUP_MEMBERS_TITLE);
        title.setFont(title.getFont().deriveFont(Font.BOLD));
        title.setBorder(BorderFactory.createEmptyBorder(8, 10, 6, 10));
        list.setName(ComponentNames.GROUP_MEMBERS);
        list.setCellRenderer(new MemberRenderer());
        list.setFixedCellWidth(100);
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                popup(e);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                popup(e);
            }

            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    int index = list.locationToIndex(e.getPoint());
                    if (index >= 0) {
                        messageMember(model.get(index));
                    }
                }
            }
        });
        JScrollPane scroll = new JScrollPane(list);
        scroll.setBorder(BorderFactory.createEmptyBorder());

        invite.setName(ComponentNames.GROUP_INVITE);
        leave.setName(ComponentNames.GROUP_LEAVE);
        dissolve.setName(ComponentNames.GROUP_DISSOLVE);
        invite.addActionListener(e -> InviteDialog.show(this, client, groupId));
        leave.addActionListener(e -> leaveGroup());
        dissolve.addActionListener(e -> dissolveGroup());
        // BoxLayout skips hidden buttons (GridLayout would leave their gaps).
        JPanel buttons = new JPanel();
        buttons.setLayout(new javax.swing.BoxLayout(buttons, javax.swing.BoxLayout.Y_AXIS));
        buttons.setBorder(BorderFactory.createEmptyBorder(6, 8, 8, 8));
        for (JButton b : new JButton[]{invite, leave, dissolve}) {
            b.setAlignmentX(Component.CENTER_ALIGNMENT);
            b.setMaximumSize(new Dimension(Integer.MAX_VALUE, b.getPreferredSize().height));
            buttons.add(b);
            buttons.add(javax.swing.Box.createVerticalStrut(4));
        }

        JPanel top = new JPanel(new BorderLayout());
        top.add(title, BorderLayout.NORTH);
        top.add(new GroupNoticeSection(client, groupId, bindings), BorderLayout.CENTER);
        add(top, BorderLayout.NORTH);
        add(scroll, BorderLayout.CENTER);
        add(buttons, BorderLayout.SOUTH);

        GroupDirectory.Listener listener = new GroupDirectory.Listener() {
            @Override
            public void groupsChanged() {
                refresh();
                // Invited back after leaving: the member list shows again.
                if (client.groups().isMember(groupId) && !client.groups().membersLoaded(groupId)) {
                    client.loadMembers(groupId);
                }
            }

            @Override
            public void membersChanged(long changed) {
                if (changed == groupId) {
                    refresh();
                }
            }
        };
        client.groups().addListener(listener);
        bindings.add(() -> client.groups().removeListener(listener));
        refresh();
        if (client.groups().isMember(groupId)) {
            client.loadMembers(groupId);
        }
    }

    private void refresh() {
        MemberInfo selected = list.getSelectedValue();
        model.clear();
        client.groups().members(groupId).forEach(model::addElement);
        if (selected != null) {
            for (int i = 0; i < model.size(); i++) {
                if (model.get(i).user().userId() == selected.user().userId()) {
                    list.setSelectedIndex(i);
                }
            }
        }
        boolean member = client.groups().isMember(groupId);
        int count = client.groups().get(groupId).map(g -> g.memberCount()).orElse(model.size());
        title.setText(I18n.tr("group.members.title", count));
        invite.setVisible(member);
        leave.setVisible(member && client.groups().canLeave(groupId));
        dissolve.setVisible(member && client.groups().canDissolve(groupId));
    }

    private void popup(MouseEvent e) {
        if (!e.isPopupTrigger()) {
            return;
        }
        int index = list.locationToIndex(e.getPoint());
        if (index < 0) {
            return;
        }
        list.setSelectedIndex(index);
        MemberInfo target = model.get(index);
        long me = client.session().myId();
        JPopupMenu menu = new JPopupMenu();
        if (client.contacts().isFriend(target.user().userId())) {
            menu.add(item(ComponentNames.GROUP_MESSAGE, I18n.tr("friend.message"), () -> messageMember(target)));
        }
        if (client.groups().canChangeAdmin(groupId, target, me)) {
            boolean isAdmin = target.role() == Role.ADMIN;
            menu.add(item(isAdmin ? ComponentNames.GROUP_REVOKE_ADMIN : ComponentNames.GROUP_MAKE_ADMIN,
                    I18n.tr(isAdmin ? "group.revokeAdmin" : "group.makeAdmin"),
                    () -> Dialogs.whenDone(client.setAdmin(groupId, target.user().userId(), !isAdmin),
                            Action.GROUP_ADMIN, this, null, v -> {
                            })));
        }
        if (client.groups().canMute(groupId, target, me)) {
            menu.add(MuteMenu.of(client, groupId, target, this));
        }
        if (client.groups().canKick(groupId, target, me)) {
            menu.add(item(ComponentNames.GROUP_KICK, I18n.tr("group.kick"), () -> kick(target)));
        }
        if (target.user().userId() != me) {
            menu.add(BlockActions.item(this, client, target.user())); // anyone met in a group, friend or not
        }
        if (menu.getComponentCount() > 0) {
            menu.show(list, e.getX(), e.getY());
        }
    }

    private static JMenuItem item(String name, String text, Runnable action) {
        JMenuItem item = new JMenuItem(text);
        item.setName(name);
        item.addActionListener(e -> action.run());
        return item;
    }

    private void messageMember(MemberInfo member) {
        client.contacts().get(member.user().userId()).ifPresent(c -> actions.openConversation(c.convId()));
    }

    private void kick(MemberInfo target) {
        String name = Names.display(target.user());
        if (Dialogs.confirm(this, I18n.tr("group.kick.confirm", name), I18n.tr("group.kick"))) {
            Dialogs.whenDone(client.kick(groupId, target.user().userId()), Action.GROUP_KICK, this, null, v -> {
            });
        }
    }

    private void leaveGroup() {
        if (Dialogs.confirm(this, I18n.tr("group.leave.confirm"), I18n.tr("group.leave"))) {
            Dialogs.whenDone(client.leaveGroup(groupId), Action.GROUP_LEAVE, this, null, v -> {
            });
        }
    }

    private void dissolveGroup() {
        if (Dialogs.confirm(this, I18n.tr("group.dissolve.confirm"), I18n.tr("group.dissolve"))) {
            Dialogs.whenDone(client.dissolveGroup(groupId), Action.GROUP_DISSOLVE, this, null, v -> {
            });
        }
    }

    /** Avatar with presence, name, and the role tag for owner and admins. */
    private final class MemberRenderer implements ListCellRenderer<MemberInfo> {
        private final JPanel panel = new JPanel(new BorderLayout(6, 0));
        private final JLabel name = new JLabel();
        private final JLabel role = new JLabel();

        MemberRenderer() {
            panel.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
            panel.add(name, BorderLayout.CENTER);
            panel.add(role, BorderLayout.EAST);
            name.setIconTextGap(8);
        }

        @Override
        public Component getListCellRendererComponent(JList<? extends MemberInfo> l, MemberInfo m, int index,
                                                      boolean selected, boolean focused) {
            panel.setBackground(selected ? UIManager.getColor("List.selectionBackground") : l.getBackground());
            String remark = client.contacts().get(m.user().userId()).filter(c -> c.hasRemark()).map(c -> c.remark()).orElse(null);
            String display = Glyphs.safe(remark != null ? remark : Names.display(m.user()));
            boolean me = m.user().userId() == client.session().myId();
            name.setText(me ? I18n.tr("group.member.me", display) : display);
            name.setIcon(Avatars.withPresence(Avatars.user(m.user().userId(), display, 26), m.online()));
            name.setForeground(selected ? UIManager.getColor("List.selectionForeground")
                    : m.online() ? l.getForeground() : Theme.secondaryText());
            boolean muted = m.mutedUntil() != null && m.mutedUntil() > System.currentTimeMillis();
            String roleText = m.role() == Role.MEMBER ? "" : Texts.role(m.role());
            role.setText(muted ? (roleText.isEmpty() ? "" : roleText + " · ") + I18n.tr("group.member.muted") : roleText);
            // On a selected row the accent colours vanish into the selection background.
            role.setForeground(selected ? UIManager.getColor("List.selectionForeground")
                    : m.role() == Role.OWNER ? Theme.reconnecting() : Theme.accent());
            role.setFont(l.getFont().deriveFont(Font.BOLD, l.getFont().getSize2D() - 1f));
            return panel;
        }
    }
}
