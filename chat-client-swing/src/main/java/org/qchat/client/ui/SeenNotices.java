package org.qchat.client.ui;

import java.util.prefs.Preferences;

/**
 * Which group notice each user last dismissed, by the notice's time, kept across runs so a notice
 * shows again only once it changed.
 */
final class SeenNotices {

    private final Preferences node;

    SeenNotices(Preferences node) {
        this.node = node;
    }

    /** This user's notices, in the user's preferences. */
    static SeenNotices standard() {
        return new SeenNotices(Preferences.userNodeForPackage(SeenNotices.class).node("seenNotices"));
    }

    boolean seen(long userId, long groupId, long noticeTime) {
        return node.getLong(userId + "." + groupId, 0) == noticeTime;
    }

    void markSeen(long userId, long groupId, long noticeTime) {
        node.putLong(userId + "." + groupId, noticeTime);
    }
}
