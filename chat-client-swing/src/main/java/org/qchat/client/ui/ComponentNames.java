package org.qchat.client.ui;

/**
 * The names ({@link java.awt.Component#setName}) of the components GUI tests and screenshot
 * scripts look for. Names are stable across languages and themes.
 */
public final class ComponentNames {

    // Login window
    public static final String LOGIN_WINDOW = "login";
    public static final String LOGIN_HOST = "login.host";
    public static final String LOGIN_PORT = "login.port";
    public static final String LOGIN_USERNAME = "login.username";
    public static final String LOGIN_PASSWORD = "login.password";
    public static final String LOGIN_CONFIRM = "login.confirm";
    public static final String LOGIN_NICKNAME = "login.nickname";
    public static final String LOGIN_REMEMBER = "login.remember";
    public static final String LOGIN_SUBMIT = "login.submit";
    /** Switches between logging in and creating an account. */
    public static final String LOGIN_REGISTER = "login.register";
    public static final String LOGIN_ERROR = "login.error";
    public static final String LOGIN_PROGRESS = "login.progress";
    public static final String LOGIN_SETTINGS = "login.settings";

    // Main window
    public static final String MAIN_WINDOW = "main";
    public static final String MAIN_NICKNAME = "main.nickname";
    public static final String MAIN_SIGNATURE = "main.signature";
    public static final String MAIN_STATUS = "main.status";
    public static final String MAIN_SEARCH = "main.search";
    public static final String MAIN_TABS = "main.tabs";
    public static final String MAIN_FRIENDS = "main.friends";
    public static final String MAIN_GROUPS = "main.groups";
    public static final String MAIN_RECENT = "main.recent";
    public static final String MAIN_REQUESTS = "main.requests";
    public static final String MAIN_ADD = "main.add";
    public static final String MAIN_PROFILE = "main.profile";
    public static final String MAIN_SETTINGS = "main.settings";
    public static final String MENU_ADD_FRIEND = "menu.addFriend";
    public static final String MENU_CREATE_GROUP = "menu.createGroup";
    public static final String MENU_JOIN_GROUP = "menu.joinGroup";
    public static final String MENU_PROFILE = "menu.profile";
    public static final String MENU_SETTINGS = "menu.settings";
    public static final String MENU_LOGOUT = "menu.logout";
    public static final String MENU_QUIT = "menu.quit";
    /** A pending request's row is named {@code request.<username>}; its buttons: */
    public static final String REQUEST_ACCEPT = "request.accept";
    public static final String REQUEST_DECLINE = "request.decline";
    public static final String FRIEND_MESSAGE = "friend.message";
    public static final String FRIEND_REMOVE = "friend.remove";

    // Chat window (one window, a tab per conversation)
    public static final String CHAT_WINDOW = "chat";
    public static final String CHAT_TABS = "chat.tabs";
    /** Each tab's panel is named {@code chat.conversation.<convId>}; inside it: */
    public static final String CHAT_TITLE = "chat.title";
    /** Under the title: presence, "typing…", or a group's member count and my role. */
    public static final String CHAT_SUBTITLE = "chat.subtitle";
    public static final String CHAT_MESSAGES = "chat.messages";
    public static final String CHAT_SCROLL = "chat.scroll";
    public static final String CHAT_INPUT = "chat.input";
    public static final String CHAT_SEND = "chat.send";
    public static final String CHAT_EMOJI = "chat.emoji";
    /** The paperclip: choose files to send. */
    public static final String CHAT_ATTACH = "chat.attach";
    /** The scissors: take a screenshot to send. */
    public static final String CHAT_SCREENSHOT = "chat.screenshot";
    /** The paperclip's file chooser. */
    public static final String ATTACH_CHOOSER = "attach.chooser";
    /** Asks before a pasted or dropped picture is sent; inside it: */
    public static final String PICTURE_CONFIRM = "picture.confirm";
    public static final String PICTURE_CONFIRM_IMAGE = "picture.confirm.image";
    public static final String PICTURE_CONFIRM_SEND = "picture.confirm.send";
    public static final String CHAT_BANNER = "chat.banner";
    public static final String CHAT_NOTICE = "chat.notice";
    /** The line above the oldest message: loading / scroll up (clickable) / start of the conversation. */
    public static final String CHAT_HISTORY = "chat.history";
    /** A message row is named {@code message.<seq>} or {@code message.out.<clientMsgId>}; inside it: */
    public static final String MESSAGE_TEXT = "message.text";
    public static final String MESSAGE_STATE = "message.state";
    public static final String MESSAGE_RETRY = "message.retry";
    public static final String MESSAGE_READERS = "message.readers";
    public static final String CONVERSATION_MENU = "conversation.menu";
    public static final String CONVERSATION_PIN = "conversation.pin";
    public static final String CONVERSATION_MUTE = "conversation.mute";
    public static final String FRIEND_REMARK = "friend.remark";
    public static final String SETTINGS_SOUND = "settings.sound";
    public static final String EMOJI_PICKER = "emoji.picker";
    public static final String EMOJI_BUTTON = "emoji.button";

    // Group side panel
    public static final String GROUP_MEMBERS = "group.members";
    public static final String GROUP_MEMBERS_TITLE = "group.membersTitle";
    public static final String GROUP_INVITE = "group.invite";
    public static final String GROUP_LEAVE = "group.leave";
    public static final String GROUP_DISSOLVE = "group.dissolve";
    public static final String GROUP_KICK = "group.kick";
    public static final String GROUP_MAKE_ADMIN = "group.makeAdmin";
    public static final String GROUP_REVOKE_ADMIN = "group.revokeAdmin";
    public static final String GROUP_MESSAGE = "group.message";

    // Dialogs
    public static final String ADD_FRIEND_DIALOG = "addFriend";
    public static final String ADD_FRIEND_QUERY = "addFriend.query";
    public static final String ADD_FRIEND_SEARCH = "addFriend.search";
    public static final String ADD_FRIEND_RESULTS = "addFriend.results";
    public static final String ADD_FRIEND_NOTE = "addFriend.note";
    public static final String ADD_FRIEND_SEND = "addFriend.send";
    public static final String ADD_FRIEND_STATUS = "addFriend.status";
    public static final String PROFILE_DIALOG = "profile";
    public static final String PROFILE_NICKNAME = "profile.nickname";
    public static final String PROFILE_SIGNATURE = "profile.signature";
    public static final String PROFILE_SAVE = "profile.save";
    public static final String PROFILE_ERROR = "profile.error";
    public static final String CREATE_GROUP_DIALOG = "createGroup";
    public static final String CREATE_GROUP_NAME = "createGroup.name";
    public static final String CREATE_GROUP_INVITE_ONLY = "createGroup.inviteOnly";
    public static final String CREATE_GROUP_CREATE = "createGroup.create";
    public static final String CREATE_GROUP_ERROR = "createGroup.error";
    public static final String JOIN_GROUP_DIALOG = "joinGroup";
    public static final String JOIN_GROUP_QUERY = "joinGroup.query";
    public static final String JOIN_GROUP_SEARCH = "joinGroup.search";
    public static final String JOIN_GROUP_RESULTS = "joinGroup.results";
    public static final String JOIN_GROUP_JOIN = "joinGroup.join";
    public static final String JOIN_GROUP_STATUS = "joinGroup.status";
    public static final String INVITE_DIALOG = "invite";
    public static final String INVITE_FRIENDS = "invite.friends";
    public static final String INVITE_SEND = "invite.send";
    public static final String INVITE_STATUS = "invite.status";
    public static final String SETTINGS_DIALOG = "settings";
    public static final String SETTINGS_LANGUAGE = "settings.language";
    public static final String SETTINGS_THEME = "settings.theme";
    public static final String SETTINGS_DOWNLOADS = "settings.downloads";
    public static final String SETTINGS_DOWNLOADS_CHANGE = "settings.downloads.change";
    public static final String SETTINGS_DOWNLOADS_CHOOSER = "settings.downloads.chooser";
    public static final String SETTINGS_OK = "settings.ok";
    /** Dialog buttons common to the dialogs above. */
    public static final String DIALOG_CANCEL = "dialog.cancel";

    // Notifications
    public static final String TOAST = "toast";
    public static final String TOAST_TITLE = "toast.title";
    public static final String TOAST_BODY = "toast.body";

    // Files and images (org.qchat.client.ui.media)
    /** A file message's card; inside it: */
    public static final String FILE_CARD = "file.card";
    public static final String FILE_NAME = "file.name";
    public static final String FILE_SIZE = "file.size";
    public static final String FILE_DOWNLOAD = "file.download";
    public static final String FILE_PROGRESS = "file.progress";
    public static final String FILE_CANCEL = "file.cancel";
    public static final String FILE_OPEN = "file.open";
    public static final String FILE_SAVE_AS = "file.saveAs";
    public static final String FILE_ERROR = "file.error";
    public static final String FILE_RETRY = "file.retry";
    public static final String IMAGE_THUMBNAIL = "image.thumbnail";
    /** The image viewer's window; inside it: */
    public static final String VIEWER = "viewer";
    public static final String VIEWER_IMAGE = "viewer.image";
    public static final String VIEWER_ZOOM_OUT = "viewer.zoomOut";
    public static final String VIEWER_ZOOM = "viewer.zoom";
    public static final String VIEWER_ZOOM_IN = "viewer.zoomIn";
    public static final String VIEWER_FIT = "viewer.fit";
    public static final String VIEWER_ACTUAL = "viewer.actual";
    public static final String VIEWER_SAVE_AS = "viewer.saveAs";
    /** The screenshot's full-screen window; inside it: */
    public static final String CAPTURE = "capture";
    public static final String CAPTURE_DONE = "capture.done";
    public static final String CAPTURE_CANCEL = "capture.cancel";
    // Account safety and administration
    public static final String MENU_BLOCKED = "menu.blocked";
    public static final String MENU_CHANGE_PASSWORD = "menu.changePassword";
    public static final String MENU_ADMIN = "menu.admin";
    public static final String FRIEND_BLOCK = "friend.block";
    public static final String CHAT_MORE = "chat.more";
    public static final String BLOCKED_DIALOG = "blocked";
    public static final String BLOCKED_LIST = "blocked.list";
    public static final String BLOCKED_UNBLOCK = "blocked.unblock";
    public static final String PASSWORD_DIALOG = "password";
    public static final String PASSWORD_CURRENT = "password.current";
    public static final String PASSWORD_NEW = "password.new";
    public static final String PASSWORD_REPEAT = "password.repeat";
    public static final String PASSWORD_SAVE = "password.save";
    public static final String PASSWORD_ERROR = "password.error";
    public static final String ADMIN_DIALOG = "admin";
    public static final String ADMIN_ANNOUNCEMENT = "admin.announcement";
    public static final String ADMIN_BROADCAST = "admin.broadcast";
    public static final String ADMIN_USERNAME = "admin.username";
    public static final String ADMIN_DISABLE = "admin.disable";
    public static final String ADMIN_ENABLE = "admin.enable";
    public static final String ADMIN_NEW_PASSWORD = "admin.newPassword";
    public static final String ADMIN_RESET = "admin.reset";
    public static final String ADMIN_STATUS = "admin.status";
    /** "Retry now" in the main window's status line while reconnecting. */
    public static final String MAIN_RETRY = "main.retry";
    public static final String SETTINGS_TRAY = "settings.tray";
    public static final String CONFIRM_DIALOG = "confirm";

    private ComponentNames() {
    }
}
