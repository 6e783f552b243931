package org.qchat.client.ui;

import java.awt.Component;

import javax.swing.JMenu;
import javax.swing.JMenuItem;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.protocol.model.MemberInfo;

/** The "Mute" submenu of a member in a group's member list: for 10 minutes to a day, or unmute. */
final class MuteMenu {

    static final String NAME = "group.mute";

    /** Minutes of each choice, with its message key. */
    private static final int[] MINUTES = {10, 60, 12 * 60, 24 * 60};
    private static final String[] KEYS = {"group.mute.10m", "group.mute.1h", "group.mute.12h", "group.mute.1d"};

    private MuteMenu() {
    }

    static JMenu of(ChatClient client, long groupId, MemberInfo target, Component parent) {
        JMenu menu = new JMenu(tr("group.mute"));
        menu.setName(NAME);
        for (int i = 0; i < MINUTES.length; i++) {
            int minutes = MINUTES[i];
            menu.add(item(NAME + "." + minutes, tr(KEYS[i]), () -> mute(client, groupId, target, minutes, parent)));
        }
        if (target.mutedUntil() != null && target.mutedUntil() > System.currentTimeMillis()) {
            menu.addSeparator();
            menu.add(item(NAME + ".off", tr("group.unmute"), () -> mute(client, groupId, target, 0, parent)));
        }
        return menu;
    }

    private static void mute(ChatClient client, long groupId, MemberInfo target, int minutes, Component parent) {
        Dialogs.whenDone(client.groupUpdates().muteMember(groupId, target.user().userId(), minutes), Action.GROUP_ADMIN,
                parent, null, v -> {
                });
    }

    private static JMenuItem item(String name, String text, Runnable action) {
        JMenuItem item = new JMenuItem(text);
        item.setName(name);
        item.addActionListener(e -> action.run());
        return item;
    }

    private static String tr(String key) {
        return org.qchat.client.i18n.I18n.tr(key);
    }
}
