package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JButton;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.Validation;
import org.qchat.client.core.model.Names;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.UserInfo;

/** Search users by name, pick one, add a note, send a friend request. */
final class AddFriendDialog extends FormDialog {

    private final ChatClient client;
    private final JList<ListEntry> results = new JList<>(new EntryListModel());

    AddFriendDialog(Window owner, ChatClient client) {
        super(owner, ComponentNames.ADD_FRIEND_DIALOG, I18n.tr("addFriend.title"), I18n.tr("addFriend.send"));
        this.client = client;
        JTextField query = new JTextField(18);
        query.setName(ComponentNames.ADD_FRIEND_QUERY);
        query.putClientProperty("JTextField.placeholderText", I18n.tr("addFriend.query.placeholder"));
        JButton search = new JButton(I18n.tr("addFriend.search"));
        search.setName(ComponentNames.ADD_FRIEND_SEARCH);
        JPanel searchRow = new JPanel(new BorderLayout(6, 0));
        searchRow.add(query, BorderLayout.CENTER);
        searchRow.add(search, BorderLayout.EAST);
        results.setName(ComponentNames.ADD_FRIEND_RESULTS);
        results.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        EntryRenderer.install(results);
        JScrollPane scroll = new JScrollPane(results);
        scroll.setPreferredSize(new Dimension(340, 220));
        JTextField note = new JTextField(18);
        note.setName(ComponentNames.ADD_FRIEND_NOTE);
        note.putClientProperty("JTextField.placeholderText", I18n.tr("addFriend.note.placeholder"));
        ok.setName(ComponentNames.ADD_FRIEND_SEND);
        error.setName(ComponentNames.ADD_FRIEND_STATUS);
        row(null, searchRow, 0);
        row(null, scroll, 1);
        row(I18n.tr("addFriend.note"), note, 0);

        search.addActionListener(e -> search(query.getText(), search));
        query.addActionListener(e -> search(query.getText(), search));
        ok.addActionListener(e -> {
            clearError();
            ListEntry selected = results.getSelectedValue();
            if (selected == null) {
                showError(I18n.tr("addFriend.pick"));
                return;
            }
            var problem = Validation.note(note.getText());
            if (problem.isPresent()) {
                showError(I18n.tr(problem.get()));
                return;
            }
            UserInfo user = (UserInfo) selected.payload();
            // Known without asking the server: say so rather than send a request that cannot help.
            if (client.contacts().isFriend(user.userId())) {
                showError(I18n.tr("addFriend.alreadyFriend", Names.display(user)));
                return;
            }
            if (client.friendRequests().hasOutgoingTo(user.userId())) {
                showError(I18n.tr("addFriend.alreadyAsked", Names.display(user)));
                return;
            }
            ok.setEnabled(false);
            var future = client.sendFriendRequest(user.userId(), note.getText().strip());
            Dialogs.whenDone(future, Action.FRIEND_REQUEST, this, error, v -> {
                dispose();
                Toast.show(Avatars.user(user.userId(), Names.display(user), 36), I18n.tr("addFriend.title"),
                        I18n.tr("addFriend.sent", Names.display(user)), null);
            });
            future.whenComplete((v, t) -> ok.setEnabled(true));
        });
        getRootPane().setDefaultButton(null);
    }

    private void search(String text, JButton button) {
        clearError();
        error.setForeground(Theme.error());
        var problem = Validation.query(text);
        if (problem.isPresent()) {
            showError(I18n.tr(problem.get()));
            return;
        }
        button.setEnabled(false);
        var future = client.searchUsers(text);
        Dialogs.whenDone(future, Action.SEARCH, this, error, users -> {
            List<ListEntry> entries = new ArrayList<>();
            for (UserInfo u : users) {
                String name = Names.display(u);
                String sub = "@" + u.username() + (u.signature() == null || u.signature().isBlank() ? "" : " · " + u.signature());
                String status = client.contacts().isFriend(u.userId()) ? I18n.tr("addFriend.already")
                        : client.friendRequests().hasOutgoingTo(u.userId()) ? I18n.tr("addFriend.pending") : "";
                entries.add(new ListEntry("u" + u.userId(), 0, Avatars.user(u.userId(), name, 32), name, sub, status,
                        0, false, u));
            }
            ((EntryListModel) results.getModel()).replace(entries, results);
            if (!entries.isEmpty()) {
                results.setSelectedIndex(0);
            } else {
                showError(I18n.tr("addFriend.noResults"));
            }
        });
        future.whenComplete((v, t) -> button.setEnabled(true));
    }
}
