package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import javax.swing.JButton;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;

import org.qchat.client.core.Action;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.Validation;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;

/** Search groups by name and join an open one. */
final class JoinGroupDialog extends FormDialog {

    private final ChatClient client;
    private final JList<ListEntry> results = new JList<>(new EntryListModel());

    JoinGroupDialog(Window owner, ChatClient client, LongConsumer openConversation) {
        super(owner, ComponentNames.JOIN_GROUP_DIALOG, I18n.tr("joinGroup.title"), I18n.tr("joinGroup.join"));
        this.client = client;
        JTextField query = new JTextField(18);
        query.setName(ComponentNames.JOIN_GROUP_QUERY);
        query.putClientProperty("JTextField.placeholderText", I18n.tr("joinGroup.query.placeholder"));
        JButton search = new JButton(I18n.tr("joinGroup.search"));
        search.setName(ComponentNames.JOIN_GROUP_SEARCH);
        JPanel searchRow = new JPanel(new BorderLayout(6, 0));
        searchRow.add(query, BorderLayout.CENTER);
        searchRow.add(search, BorderLayout.EAST);
        results.setName(ComponentNames.JOIN_GROUP_RESULTS);
        results.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        EntryRenderer.install(results);
        JScrollPane scroll = new JScrollPane(results);
        scroll.setPreferredSize(new Dimension(340, 240));
        ok.setName(ComponentNames.JOIN_GROUP_JOIN);
        error.setName(ComponentNames.JOIN_GROUP_STATUS);
        row(null, searchRow, 0);
        row(null, scroll, 1);

        search.addActionListener(e -> search(query.getText(), search));
        query.addActionListener(e -> search(query.getText(), search));
        ok.addActionListener(e -> {
            clearError();
            ListEntry selected = results.getSelectedValue();
            if (selected == null) {
                showError(I18n.tr("joinGroup.pick"));
                return;
            }
            GroupInfo group = (GroupInfo) selected.payload();
            if (group.role() != null) {
                dispose();
                openConversation.accept(group.convId());
                return;
            }
            ok.setEnabled(false);
            var future = client.joinGroup(group.groupId());
            Dialogs.whenDone(future, Action.GROUP_JOIN, this, error, joined -> {
                dispose();
                openConversation.accept(joined.convId());
            });
            future.whenComplete((v, t) -> ok.setEnabled(true));
        });
        getRootPane().setDefaultButton(null);
    }

    private void search(String text, JButton button) {
        clearError();
        var problem = Validation.query(text);
        if (problem.isPresent()) {
            showError(I18n.tr(problem.get()));
            return;
        }
        button.setEnabled(false);
        var future = client.searchGroups(text);
        Dialogs.whenDone(future, Action.SEARCH, this, error, groups -> {
            List<ListEntry> entries = new ArrayList<>();
            for (GroupInfo g : groups) {
                String policy = I18n.tr(g.joinPolicy() == JoinPolicy.INVITE ? "joinGroup.inviteOnly" : "joinGroup.open");
                String sub = I18n.tr("group.summary.search", g.memberCount(), policy);
                String status = g.role() != null ? I18n.tr("joinGroup.member") : "";
                entries.add(new ListEntry("g" + g.groupId(), g.convId(), Avatars.group(g.groupId(), g.name(), 32),
                        g.name(), sub, status, 0, g.joinPolicy() == JoinPolicy.INVITE && g.role() == null, g));
            }
            ((EntryListModel) results.getModel()).replace(entries, results);
            if (!entries.isEmpty()) {
                results.setSelectedIndex(0);
            } else {
                showError(I18n.tr("joinGroup.noResults"));
            }
        });
        future.whenComplete((v, t) -> button.setEnabled(true));
    }
}
