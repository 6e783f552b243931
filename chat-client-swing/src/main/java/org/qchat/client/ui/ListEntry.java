package org.qchat.client.ui;

import javax.swing.Icon;

/**
 * One row of the main window's lists (a friend, a group, a recent conversation), already turned
 * into what the renderer shows.
 *
 * @param key      stable identity, to keep the selection across refreshes
 * @param convId   the conversation a double-click opens
 * @param trailing small text at the right (a time), or ""
 * @param dimmed   shown greyed (offline friends)
 * @param payload  the model object behind the row (Contact, GroupInfo, Conversation)
 */
record ListEntry(String key, long convId, Icon icon, String title, String subtitle, String trailing, int unread,
                 boolean dimmed, Object payload) {
}
