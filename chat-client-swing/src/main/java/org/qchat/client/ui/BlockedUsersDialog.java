package org.qchat.client.ui;

import java.awt.Dimension;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.BlockedUsers;
import org.qchat.client.core.model.Names;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.UserInfo;

/** The people I blocked ("黑名单"), each of whom can be unblocked. Reads the list afresh when it opens. */
final class BlockedUsersDialog extends FormDialog {

    private final ChatClient client;
    private final HintList list = new HintList(new EntryListModel());
    private final Bindings bindings = new Bindings();

    BlockedUsersDialog(Window owner, ChatClient client) {
        super(owner, ComponentNames.BLOCKED_DIALOG, I18n.tr("blocked.title"), I18n.tr("blocked.unblock"));
        this.client = client;
        ok.setName(ComponentNames.BLOCKED_UNBLOCK);
        cancel.setText(I18n.tr("dialog.close"));
        list.setName(ComponentNames.BLOCKED_LIST);
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setHint(I18n.tr("blocked.empty"));
        EntryRenderer.install(list);
        JScrollPane scroll = new JScrollPane(list);
        scroll.setPreferredSize(new Dimension(320, 240));
        row(null, scroll, 1);
        list.addListSelectionListener(e -> ok.setEnabled(list.getSelectedValue() != null));
        ok.addActionListener(e -> unblockSelected());

        BlockedUsers.Listener listener = this::refresh;
        client.account().blocked().addListener(listener);
        bindings.add(() -> client.account().blocked().removeListener(listener));
        refresh();
        Dialogs.whenDone(client.account().refreshBlocked(), Action.LOAD, this, error, users -> {
        });
    }

    private void refresh() {
        List<ListEntry> entries = new ArrayList<>();
        for (UserInfo u : client.account().blocked().sorted()) {
            String name = Names.display(u);
            entries.add(new ListEntry("u" + u.userId(), 0, Avatars.user(u.userId(), name, 32), name,
                    "@" + u.username(), "", 0, false, u));
        }
        ((EntryListModel) list.getModel()).replace(entries, list);
        if (list.getSelectedValue() == null && !entries.isEmpty()) {
            list.setSelectedIndex(0);
        }
        ok.setEnabled(list.getSelectedValue() != null);
    }

    private void unblockSelected() {
        ListEntry selected = list.getSelectedValue();
        if (selected == null) {
            return;
        }
        clearError();
        ok.setEnabled(false);
        UserInfo user = (UserInfo) selected.payload();
        Dialogs.whenDone(client.account().unblock(user.userId()), Action.BLOCK, this, error, v -> {
        });
    }

    @Override
    public void dispose() {
        bindings.unbindAll();
        super.dispose();
    }
}
