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

    void quit();
}
