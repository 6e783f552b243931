package org.qchat.client.ui;

import java.util.ArrayList;
import java.util.List;

import javax.swing.AbstractListModel;
import javax.swing.JList;

/** A list model that is replaced wholesale from a model snapshot, keeping the selected row. */
final class EntryListModel extends AbstractListModel<ListEntry> {

    private List<ListEntry> entries = new ArrayList<>();

    @Override
    public int getSize() {
        return entries.size();
    }

    @Override
    public ListEntry getElementAt(int index) {
        return entries.get(index);
    }

    /** Replaces the rows; the row with the same key as the selected one stays selected. */
    void replace(List<ListEntry> next, JList<ListEntry> list) {
        ListEntry selected = list.getSelectedValue();
        int oldSize = entries.size();
        entries = new ArrayList<>(next);
        if (oldSize > 0) {
            fireIntervalRemoved(this, 0, oldSize - 1);
        }
        if (!entries.isEmpty()) {
            fireIntervalAdded(this, 0, entries.size() - 1);
        }
        if (selected != null) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).key().equals(selected.key())) {
                    list.setSelectedIndex(i);
                    break;
                }
            }
        }
    }

    List<ListEntry> entries() {
        return List.copyOf(entries);
    }
}
