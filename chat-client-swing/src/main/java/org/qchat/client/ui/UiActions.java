package org.qchat.client.ui;

/** What windows ask the application to do; keeps windows from knowing each other. */
public interface UiActions {

    void openConversation(long convId);

    /** Opens a conversation scrolled to one of its messages (a search result), marked for a moment. */
    default void openMessage(long convId, long seq) {
        openConversation(convId);
    }

    /** Takes a screenshot and sends it to the conversation, which then opens. */
    void captureScreen(long convId);

    void showAddFriend();

    void showCreateGroup();

    void showJoinGroup();

    void showProfile();

    void showSettings();

    void logout();

    /** Shows the main window again (from the tray or a notice), in front. */
    default void showMainWindow() {
    }

    /** The list of people I blocked, to unblock them. */
    default void showBlockedUsers() {
    }

    default void showChangePassword() {
    }

    /** Announcements and accounts, for server administrators. */
    default void showAdmin() {
    }

    /** The main window's close button: quits, unless the app keeps running in the tray. */
    default void mainWindowClosing() {
        quit();
    }

    void quit();
}
