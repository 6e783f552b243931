package org.qchat.client.core;

/** What the user was doing when a request failed; the same error code reads differently per action. */
public enum Action {
    LOGIN,
    REGISTER,
    RESUME,
    SEND_MESSAGE,
    FRIEND_REQUEST,
    FRIEND_RESPOND,
    FRIEND_REMOVE,
    PROFILE_UPDATE,
    SEARCH,
    GROUP_CREATE,
    GROUP_JOIN,
    GROUP_LEAVE,
    GROUP_INVITE,
    GROUP_KICK,
    GROUP_ADMIN,
    GROUP_DISSOLVE,
    /** My own settings: a remark, a pin, do not disturb. */
    SETTINGS,
    LOAD,
    BLOCK,
    PASSWORD_CHANGE,
    ADMIN
}
