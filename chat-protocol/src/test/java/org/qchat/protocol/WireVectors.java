package org.qchat.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.FriendInfo;
import org.qchat.protocol.model.FriendRequestInfo;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.MemberInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.Receipt;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.SystemEvent;
import org.qchat.protocol.model.Role;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.*;

/**
 * The wire contract, written out by hand: the exact JSON body of one sample of every packet type.
 * These strings are the specification; they are never generated from the code under test. A
 * code change that alters any of them changes the bytes on the wire and must be deliberate.
 *
 * <p>Rules the strings follow: {@code type} first, then the record components in declaration
 * order, {@code null} values omitted, no whitespace, non-ASCII text as raw UTF-8 (characters
 * outside the Basic Multilingual Plane, e.g. emoji, as one 4-byte sequence, not as escapes),
 * enums as their lower-case wire names except {@link ErrorCode}, longs as plain JSON integers
 * (also beyond 2^53).
 */
final class WireVectors {

    private WireVectors() {
    }

    /** One hand-written vector: the record and its exact JSON body. */
    record Vector(Packet packet, String json) {
        @Override
        public String toString() {
            return packet.getClass().getSimpleName();
        }
    }

    // ---- text samples -------------------------------------------------------------------------

    /** CJK (3 UTF-8 bytes per char) and an emoji with a skin-tone modifier (2 chars, 4 UTF-8 bytes each). */
    static final String CJK_EMOJI_TEXT = "你好，世界！👋🏽 Hi";
    /** {@link #CJK_EMOJI_TEXT} with its emoji written as JSON escapes, as other encoders may send it. */
    static final String CJK_EMOJI_TEXT_ESCAPED = "你好，世界！\\uD83D\\uDC4B\\uD83C\\uDFFD Hi";

    // ---- nested models, as JSON ---------------------------------------------------------------

    static final UserInfo ALICE = new UserInfo(42, "alice", "爱丽丝", "hi");
    static final String ALICE_JSON = "{\"userId\":42,\"username\":\"alice\",\"nickname\":\"爱丽丝\",\"signature\":\"hi\"}";

    static final UserInfo BOB = new UserInfo(43, "bob", "Bob", null);
    static final String BOB_JSON = "{\"userId\":43,\"username\":\"bob\",\"nickname\":\"Bob\"}";

    static final FriendInfo BOB_FRIEND = new FriendInfo(BOB, true, 100);
    static final String BOB_FRIEND_JSON = "{\"user\":" + BOB_JSON + ",\"online\":true,\"convId\":100}";

    /** Bob as a friend of Alice's who gave him a remark (备注). */
    static final FriendInfo BOB_FRIEND_REMARKED = new FriendInfo(BOB, true, 100, "老板 Bob");
    static final String BOB_FRIEND_REMARKED_JSON = "{\"user\":" + BOB_JSON + ",\"online\":true,\"convId\":100,"
            + "\"remark\":\"老板 Bob\"}";

    static final FriendRequestInfo REQUEST_7 = new FriendRequestInfo(7, BOB, ALICE, "hi", 1767225600000L);
    static final String REQUEST_7_JSON = "{\"requestId\":7,\"from\":" + BOB_JSON + ",\"to\":" + ALICE_JSON
            + ",\"note\":\"hi\",\"time\":1767225600000}";

    static final GroupInfo BOOK_CLUB = new GroupInfo(9, 200, "读书会", JoinPolicy.OPEN, 42, 3, Role.OWNER);
    static final String BOOK_CLUB_JSON = "{\"groupId\":9,\"convId\":200,\"name\":\"读书会\",\"joinPolicy\":\"open\","
            + "\"ownerId\":42,\"memberCount\":3,\"role\":\"owner\"}";

    static final GroupInfo CHESS = new GroupInfo(10, 201, "Chess", JoinPolicy.INVITE, 43, 12, null);
    static final String CHESS_JSON = "{\"groupId\":10,\"convId\":201,\"name\":\"Chess\",\"joinPolicy\":\"invite\","
            + "\"ownerId\":43,\"memberCount\":12}";

    /** msgId above 2^53: must stay an exact JSON integer. */
    static final MessageInfo MESSAGE_5 = new MessageInfo(9007199254740993L, 100, 5, 42, "c-1", CJK_EMOJI_TEXT,
            1767225600123L);
    static final String MESSAGE_5_JSON = "{\"msgId\":9007199254740993,\"convId\":100,\"seq\":5,\"senderId\":42,"
            + "\"clientMsgId\":\"c-1\",\"text\":\"你好，世界！👋🏽 Hi\",\"time\":1767225600123}";

    // ---- one constant per packet type ---------------------------------------------------------

    static final String WELCOME = "{\"type\":\"welcome\",\"protocol\":1,\"server\":\"qchat/0.1.0\",\"maxFrame\":262144,"
            + "\"heartbeatSeconds\":30}";
    /** The example in {@link FrameCodec}'s javadoc: 26 (0x1a) bytes. */
    static final String PING = "{\"type\":\"ping\",\"id\":\"1\"}";
    static final String PONG = "{\"type\":\"pong\",\"id\":\"1\",\"time\":1767225600000}";
    static final String REGISTER = "{\"type\":\"register\",\"id\":\"r-2\",\"protocol\":1,\"username\":\"alice\","
            + "\"password\":\"correct horse\",\"nickname\":\"爱丽丝\",\"device\":\"laptop\"}";
    static final String LOGIN = "{\"type\":\"login\",\"id\":\"r-3\",\"protocol\":1,\"username\":\"alice\","
            + "\"password\":\"correct horse\"}";
    static final String RESUME = "{\"type\":\"resume\",\"id\":\"r-4\",\"protocol\":1,\"token\":\"tok_3q2w\","
            + "\"device\":\"laptop\"}";
    static final String SESSION = "{\"type\":\"session\",\"id\":\"r-3\",\"token\":\"tok_3q2w\",\"user\":" + ALICE_JSON
            + ",\"device\":\"laptop\",\"protocol\":1,\"serverTime\":1767225600000}";
    static final String LOGOUT = "{\"type\":\"logout\",\"id\":\"r-5\"}";
    static final String PASSWORD_CHANGE = "{\"type\":\"password.change\",\"id\":\"r-6\",\"oldPassword\":\"old\","
            + "\"newPassword\":\"new\"}";
    static final String PROFILE_UPDATE = "{\"type\":\"profile.update\",\"id\":\"r-7\",\"nickname\":\"Alice ✨\"}";
    static final String USER = "{\"type\":\"user\",\"id\":\"r-7\",\"user\":" + ALICE_JSON + "}";
    static final String USER_SEARCH = "{\"type\":\"user.search\",\"id\":\"r-8\",\"query\":\"al\",\"limit\":20}";
    static final String USERS = "{\"type\":\"users\",\"id\":\"r-8\",\"users\":[" + ALICE_JSON + "," + BOB_JSON + "]}";
    static final String USER_BLOCK = "{\"type\":\"user.block\",\"id\":\"r-9\",\"userId\":43}";
    static final String USER_UNBLOCK = "{\"type\":\"user.unblock\",\"id\":\"r-10\",\"userId\":43}";
    static final String USER_BLOCKED = "{\"type\":\"user.blocked\",\"id\":\"r-11\"}";
    static final String FRIEND_REQUEST = "{\"type\":\"friend.request\",\"id\":\"r-12\",\"userId\":43,\"note\":\"我是 Alice\"}";
    static final String FRIEND_RESPOND = "{\"type\":\"friend.respond\",\"id\":\"r-13\",\"requestId\":7,\"accept\":true}";
    static final String FRIEND_REMOVE = "{\"type\":\"friend.remove\",\"id\":\"r-14\",\"userId\":43}";
    static final String FRIEND_LIST = "{\"type\":\"friend.list\",\"id\":\"r-15\"}";
    static final String FRIENDS = "{\"type\":\"friends\",\"id\":\"r-15\",\"friends\":[" + BOB_FRIEND_REMARKED_JSON + "]}";
    static final String FRIEND_REQUESTS = "{\"type\":\"friend.requests\",\"id\":\"r-16\"}";
    static final String FRIEND_REQUESTS_LIST = "{\"type\":\"friend.requests.list\",\"id\":\"r-16\",\"incoming\":["
            + REQUEST_7_JSON + "],\"outgoing\":[]}";
    static final String GROUP_CREATE = "{\"type\":\"group.create\",\"id\":\"r-17\",\"name\":\"读书会\",\"joinPolicy\":\"open\"}";
    static final String GROUP_GET = "{\"type\":\"group.get\",\"id\":\"r-18\",\"groupId\":9}";
    static final String GROUP = "{\"type\":\"group\",\"id\":\"r-18\",\"group\":" + BOOK_CLUB_JSON + "}";
    static final String GROUP_SEARCH = "{\"type\":\"group.search\",\"id\":\"r-19\",\"query\":\"读\"}";
    static final String GROUP_LIST = "{\"type\":\"group.list\",\"id\":\"r-20\"}";
    static final String GROUPS = "{\"type\":\"groups\",\"id\":\"r-20\",\"groups\":[" + BOOK_CLUB_JSON + "," + CHESS_JSON + "]}";
    static final String GROUP_INVITE = "{\"type\":\"group.invite\",\"id\":\"r-21\",\"groupId\":9,\"userIds\":[43,44]}";
    static final String GROUP_JOIN = "{\"type\":\"group.join\",\"id\":\"r-22\",\"groupId\":10}";
    static final String GROUP_LEAVE = "{\"type\":\"group.leave\",\"id\":\"r-23\",\"groupId\":10}";
    static final String GROUP_KICK = "{\"type\":\"group.kick\",\"id\":\"r-24\",\"groupId\":9,\"userId\":43}";
    static final String GROUP_ADMIN = "{\"type\":\"group.admin\",\"id\":\"r-25\",\"groupId\":9,\"userId\":43,\"admin\":true}";
    static final String GROUP_DISSOLVE = "{\"type\":\"group.dissolve\",\"id\":\"r-26\",\"groupId\":9}";
    static final String GROUP_MEMBERS = "{\"type\":\"group.members\",\"id\":\"r-27\",\"groupId\":9}";
    static final String GROUP_MEMBERS_LIST = "{\"type\":\"group.members.list\",\"id\":\"r-27\",\"groupId\":9,\"members\":["
            + "{\"user\":" + ALICE_JSON + ",\"role\":\"owner\",\"online\":true},"
            + "{\"user\":" + BOB_JSON + ",\"role\":\"admin\",\"online\":false}]}";
    /** 87 chars but 103 (0x67) bytes: six CJK chars take 3 bytes each, the two emoji 4 bytes each. */
    static final String MSG_SEND = "{\"type\":\"msg.send\",\"id\":\"r-28\",\"convId\":100,\"clientMsgId\":\"c-1\","
            + "\"text\":\"你好，世界！👋🏽 Hi\"}";
    static final String MSG_SENT = "{\"type\":\"msg.sent\",\"id\":\"r-28\",\"clientMsgId\":\"c-1\",\"msgId\":9007199254740993,"
            + "\"convId\":100,\"seq\":5,\"time\":1767225600123}";
    static final String MSG_PULL = "{\"type\":\"msg.pull\",\"id\":\"r-29\",\"convId\":100,\"afterSeq\":4,\"limit\":50}";
    static final String MSG_HISTORY = "{\"type\":\"msg.history\",\"id\":\"r-30\",\"convId\":100,\"beforeSeq\":5}";
    static final String MSGS = "{\"type\":\"msgs\",\"id\":\"r-29\",\"convId\":100,\"messages\":[" + MESSAGE_5_JSON
            + "],\"more\":false}";
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final FileInfo CAT_PNG = new FileInfo(SHA, "猫 cat.png", 48213, "image/png", 1024, 768, "/9j/4AAQ");
    static final String CAT_PNG_JSON = "{\"fileId\":\"" + SHA + "\",\"name\":\"猫 cat.png\",\"size\":48213,"
            + "\"mime\":\"image/png\",\"width\":1024,\"height\":768,\"thumb\":\"/9j/4AAQ\"}";
    static final FileInfo REPORT_PDF = new FileInfo(SHA, "report.pdf", 3, "application/pdf", null, null, null);
    static final String REPORT_PDF_JSON = "{\"fileId\":\"" + SHA + "\",\"name\":\"report.pdf\",\"size\":3,"
            + "\"mime\":\"application/pdf\"}";
    static final String FILE_UPLOAD = "{\"type\":\"file.upload\",\"id\":\"r-40\",\"sha256\":\"" + SHA
            + "\",\"size\":48213,\"name\":\"猫 cat.png\"}";
    static final String FILE_UPLOAD_OK = "{\"type\":\"file.upload.ok\",\"id\":\"r-40\",\"uploadId\":7,\"offset\":0,"
            + "\"challenge\":{\"offset\":1024,\"length\":4096,\"nonce\":\"q83vEjRWeJA=\"}}";
    static final String FILE_PROVE = "{\"type\":\"file.prove\",\"id\":\"r-41\",\"uploadId\":7,\"proof\":\"" + SHA + "\"}";
    static final String FILE_STORED = "{\"type\":\"file.stored\",\"id\":\"r-41\",\"file\":" + CAT_PNG_JSON + "}";
    static final String FILE_CANCEL = "{\"type\":\"file.cancel\",\"id\":\"r-42\",\"transferId\":7}";
    static final String FILE_DOWNLOAD = "{\"type\":\"file.download\",\"id\":\"r-43\",\"convId\":100,\"seq\":6,\"offset\":0}";
    static final String FILE_DOWNLOAD_OK = "{\"type\":\"file.download.ok\",\"id\":\"r-43\",\"downloadId\":8,\"file\":"
            + REPORT_PDF_JSON + ",\"offset\":0}";
    static final String FILE_PROGRESS = "{\"type\":\"file.progress\",\"uploadId\":7,\"offset\":131072}";
    static final String FILE_UPLOAD_DONE = "{\"type\":\"file.upload.done\",\"uploadId\":7,\"file\":" + CAT_PNG_JSON + "}";
    static final String FILE_UPLOAD_FAILED = "{\"type\":\"file.upload.failed\",\"uploadId\":7,\"code\":\"BAD_REQUEST\","
            + "\"message\":\"the bytes do not match sha256\"}";
    static final String FILE_DOWNLOAD_FAILED = "{\"type\":\"file.download.failed\",\"downloadId\":8,\"code\":\"UNAVAILABLE\","
            + "\"message\":\"cannot read the file\"}";
    static final String SYNC = "{\"type\":\"sync\",\"id\":\"r-31\"}";
    static final String SYNC_STATE = "{\"type\":\"sync.state\",\"id\":\"r-31\",\"conversations\":["
            + "{\"convId\":100,\"kind\":\"private\",\"peerId\":43,\"lastSeq\":5,\"ackSeq\":4,\"active\":true,"
            + "\"readSeq\":3,\"pinned\":true},"
            + "{\"convId\":200,\"kind\":\"group\",\"groupId\":9,\"lastSeq\":17,\"ackSeq\":0,\"active\":false,"
            + "\"dnd\":true},"
            + "{\"convId\":1,\"kind\":\"system\",\"lastSeq\":2,\"ackSeq\":2,\"active\":true,\"readSeq\":2}],"
            + "\"friendRequests\":[" + REQUEST_7_JSON + "],\"serverTime\":1767225600000}";
    static final String SYNC_ACK = "{\"type\":\"sync.ack\",\"id\":\"r-32\",\"convId\":100,\"seq\":5}";
    /** JSON escapes: newline, quote and backslash are escaped; CJK is not. */
    static final String BROADCAST = "{\"type\":\"broadcast\",\"id\":\"r-33\",\"clientMsgId\":\"c-2\","
            + "\"text\":\"Maintenance at 02:00\\n请保存 \\\"drafts\\\" \\\\ 谢谢\"}";
    static final String ADMIN_USER_DISABLE = "{\"type\":\"admin.user.disable\",\"id\":\"r-34\",\"username\":\"mallory\","
            + "\"disabled\":true}";
    static final String ADMIN_PASSWORD_RESET = "{\"type\":\"admin.password.reset\",\"id\":\"r-35\",\"username\":\"bob\","
            + "\"newPassword\":\"temp-pass\"}";
    static final String OK = "{\"type\":\"ok\",\"id\":\"r-35\"}";
    static final String MSG_RECALL = "{\"type\":\"msg.recall\",\"id\":\"r-44\",\"convId\":100,\"seq\":5}";
    static final String MSG_RECALLED = "{\"type\":\"msg.recalled\",\"convId\":100,\"seq\":5,\"by\":42,\"time\":1767225700000}";
    static final String TYPING = "{\"type\":\"typing\",\"id\":\"r-45\",\"convId\":100}";
    static final String TYPING_USER = "{\"type\":\"typing.user\",\"convId\":100,\"userId\":42}";
    static final String ERROR = "{\"type\":\"error\",\"id\":\"r-36\",\"code\":\"NOT_FOUND\",\"message\":\"no such user\"}";
    static final String MSG = "{\"type\":\"msg\",\"message\":" + MESSAGE_5_JSON + "}";
    static final String PRESENCE = "{\"type\":\"presence\",\"userId\":43,\"online\":true}";
    static final String FRIEND_REQUEST_NEW = "{\"type\":\"friend.request.new\",\"request\":" + REQUEST_7_JSON + "}";
    static final String FRIEND_ADDED = "{\"type\":\"friend.added\",\"friend\":" + BOB_FRIEND_JSON + "}";
    static final String FRIEND_REMOVED = "{\"type\":\"friend.removed\",\"userId\":43}";
    static final String FRIEND_DECLINED = "{\"type\":\"friend.declined\",\"requestId\":7,\"userId\":43}";
    static final String USER_UPDATED = "{\"type\":\"user.updated\",\"user\":" + ALICE_JSON + "}";
    static final String GROUP_JOINED = "{\"type\":\"group.joined\",\"group\":" + BOOK_CLUB_JSON + "}";
    static final String GROUP_LEFT = "{\"type\":\"group.left\",\"groupId\":9,\"reason\":\"kicked\"}";
    static final String GROUP_MEMBER = "{\"type\":\"group.member\",\"groupId\":9,\"member\":{\"user\":" + BOB_JSON
            + ",\"role\":\"member\",\"online\":true},\"change\":\"joined\"}";
    static final String MSG_READ = "{\"type\":\"msg.read\",\"id\":\"r-50\",\"convId\":100,\"seq\":5}";
    static final String RECEIPT = "{\"type\":\"receipt\",\"convId\":100,\"userId\":43,\"delivered\":5,\"read\":4}";
    static final String RECEIPTS = "{\"type\":\"receipts\",\"id\":\"r-51\",\"convId\":200}";
    static final String RECEIPTS_LIST = "{\"type\":\"receipts.list\",\"id\":\"r-51\",\"convId\":200,\"receipts\":["
            + "{\"userId\":42,\"delivered\":17,\"read\":17},{\"userId\":43,\"delivered\":16,\"read\":12}]}";
    /** Only {@code dnd}: {@code pinned} stays as it is. */
    static final String CONV_SETTINGS = "{\"type\":\"conv.settings\",\"id\":\"r-52\",\"convId\":200,\"dnd\":true}";
    static final String CONV_SETTINGS_CHANGED = "{\"type\":\"conv.settings.changed\",\"convId\":200,\"pinned\":false,"
            + "\"dnd\":true}";
    static final String FRIEND_REMARK = "{\"type\":\"friend.remark\",\"id\":\"r-53\",\"userId\":43,\"remark\":\"老板 Bob\"}";
    static final String FRIEND_REMARK_CHANGED = "{\"type\":\"friend.remark.changed\",\"userId\":43,\"remark\":\"\"}";
    static final String GROUP_NOTICE = "{\"type\":\"group.notice\",\"id\":\"r-44\",\"groupId\":9,"
            + "\"text\":\"周六下午三点读《三体》\"}";
    static final String GROUP_MUTE = "{\"type\":\"group.mute\",\"id\":\"r-45\",\"groupId\":9,\"userId\":43,\"minutes\":60}";
    static final String GROUP_MUTE_ALL = "{\"type\":\"group.mute.all\",\"id\":\"r-46\",\"groupId\":9,\"muted\":true}";
    /** A group with a notice and everyone muted. */
    static final GroupInfo BOOK_CLUB_MUTED = new GroupInfo(9, 200, "读书会", JoinPolicy.OPEN, 42, 3, Role.MEMBER,
            "周六下午三点读《三体》", 42L, 1767225600000L, true);
    static final String GROUP_MUTED = "{\"type\":\"group\",\"id\":\"r-18\",\"group\":{\"groupId\":9,\"convId\":200,"
            + "\"name\":\"读书会\",\"joinPolicy\":\"open\",\"ownerId\":42,\"memberCount\":3,\"role\":\"member\","
            + "\"notice\":\"周六下午三点读《三体》\",\"noticeBy\":42,\"noticeTime\":1767225600000,\"mutedAll\":true}}";
    static final String GROUP_MEMBERS_MUTED = "{\"type\":\"group.members.list\",\"id\":\"r-27\",\"groupId\":9,"
            + "\"members\":[{\"user\":" + BOB_JSON + ",\"role\":\"member\",\"online\":false,\"mutedUntil\":1767229200000}]}";
    /** The system line of Alice (42) removing Bob (43), as pushed to the members. */
    static final String MSG_SYSTEM_KICKED = "{\"type\":\"msg\",\"message\":{\"msgId\":77,\"convId\":200,\"seq\":18,"
            + "\"senderId\":42,\"clientMsgId\":\"sys:5f0c\",\"text\":\"爱丽丝 removed Bob from the group\","
            + "\"time\":1767225600000,\"kind\":\"system\",\"system\":{\"event\":\"kicked\",\"actorId\":42,"
            + "\"targetId\":43}}}";
    static final String BYE = "{\"type\":\"bye\",\"reason\":\"idle\",\"message\":\"no data for 90 s\"}";

    /** Every vector, keyed by packet class. Add one here for each new packet type. */
    static final Map<Class<? extends Packet>, Vector> BY_TYPE = index(
            v(new Welcome(1, "qchat/0.1.0", 262144, 30), WELCOME),
            v(new Ping("1"), PING),
            v(new Pong("1", 1767225600000L), PONG),
            v(new Register("r-2", 1, "alice", "correct horse", "爱丽丝", "laptop"), REGISTER),
            v(new Login("r-3", 1, "alice", "correct horse", null), LOGIN),
            v(new Resume("r-4", 1, "tok_3q2w", "laptop"), RESUME),
            v(new SessionStarted("r-3", "tok_3q2w", ALICE, "laptop", 1, 1767225600000L), SESSION),
            v(new Logout("r-5"), LOGOUT),
            v(new ChangePassword("r-6", "old", "new"), PASSWORD_CHANGE),
            v(new UpdateProfile("r-7", "Alice ✨", null), PROFILE_UPDATE),
            v(new UserReply("r-7", ALICE), USER),
            v(new SearchUsers("r-8", "al", 20), USER_SEARCH),
            v(new UserList("r-8", List.of(ALICE, BOB)), USERS),
            v(new BlockUser("r-9", 43), USER_BLOCK),
            v(new UnblockUser("r-10", 43), USER_UNBLOCK),
            v(new ListBlocked("r-11"), USER_BLOCKED),
            v(new SendFriendRequest("r-12", 43, "我是 Alice"), FRIEND_REQUEST),
            v(new RespondFriendRequest("r-13", 7, true), FRIEND_RESPOND),
            v(new RemoveFriend("r-14", 43), FRIEND_REMOVE),
            v(new ListFriends("r-15"), FRIEND_LIST),
            v(new FriendList("r-15", List.of(BOB_FRIEND_REMARKED)), FRIENDS),
            v(new ListFriendRequests("r-16"), FRIEND_REQUESTS),
            v(new FriendRequestList("r-16", List.of(REQUEST_7), List.of()), FRIEND_REQUESTS_LIST),
            v(new CreateGroup("r-17", "读书会", JoinPolicy.OPEN), GROUP_CREATE),
            v(new GetGroup("r-18", 9), GROUP_GET),
            v(new GroupReply("r-18", BOOK_CLUB), GROUP),
            v(new SearchGroups("r-19", "读", null), GROUP_SEARCH),
            v(new ListGroups("r-20"), GROUP_LIST),
            v(new GroupList("r-20", List.of(BOOK_CLUB, CHESS)), GROUPS),
            v(new InviteToGroup("r-21", 9, List.of(43L, 44L)), GROUP_INVITE),
            v(new JoinGroup("r-22", 10), GROUP_JOIN),
            v(new LeaveGroup("r-23", 10), GROUP_LEAVE),
            v(new KickMember("r-24", 9, 43), GROUP_KICK),
            v(new SetGroupAdmin("r-25", 9, 43, true), GROUP_ADMIN),
            v(new DissolveGroup("r-26", 9), GROUP_DISSOLVE),
            v(new ListMembers("r-27", 9), GROUP_MEMBERS),
            v(new MemberList("r-27", 9, List.of(new MemberInfo(ALICE, Role.OWNER, true),
                    new MemberInfo(BOB, Role.ADMIN, false))), GROUP_MEMBERS_LIST),
            v(new SendMessage("r-28", 100, "c-1", CJK_EMOJI_TEXT), MSG_SEND),
            v(new MessageSent("r-28", "c-1", 9007199254740993L, 100, 5, 1767225600123L), MSG_SENT),
            v(new PullMessages("r-29", 100, 4, 50), MSG_PULL),
            v(new MessageHistory("r-30", 100, 5L, null), MSG_HISTORY),
            v(new MessagePage("r-29", 100, List.of(MESSAGE_5), false), MSGS),
            v(new Sync("r-31"), SYNC),
            v(new SyncState("r-31", List.of(
                    new ConversationInfo(100, ConversationKind.PRIVATE, 43L, null, 5, 4, true, 3L, true, false),
                    new ConversationInfo(200, ConversationKind.GROUP, null, 9L, 17, 0, false, 0L, false, true),
                    new ConversationInfo(1, ConversationKind.SYSTEM, null, null, 2, 2, true, 2L, null, null)),
                    List.of(REQUEST_7), 1767225600000L), SYNC_STATE),
            v(new AckCursor("r-32", 100, 5), SYNC_ACK),
            v(new Broadcast("r-33", "c-2", "Maintenance at 02:00\n请保存 \"drafts\" \\ 谢谢"), BROADCAST),
            v(new DisableUser("r-34", "mallory", true), ADMIN_USER_DISABLE),
            v(new ResetPassword("r-35", "bob", "temp-pass"), ADMIN_PASSWORD_RESET),
            v(new Ok("r-35"), OK),
            v(new ErrorReply("r-36", ErrorCode.NOT_FOUND, "no such user"), ERROR),
            v(new MessagePush(MESSAGE_5), MSG),
            v(new PresencePush(43, true), PRESENCE),
            v(new FriendRequestPush(REQUEST_7), FRIEND_REQUEST_NEW),
            v(new FriendAddedPush(BOB_FRIEND), FRIEND_ADDED),
            v(new FriendRemovedPush(43), FRIEND_REMOVED),
            v(new FriendDeclinedPush(7, 43), FRIEND_DECLINED),
            v(new UserUpdatedPush(ALICE), USER_UPDATED),
            v(new GroupJoinedPush(BOOK_CLUB), GROUP_JOINED),
            v(new GroupLeftPush(9, "kicked"), GROUP_LEFT),
            v(new GroupMemberPush(9, new MemberInfo(BOB, Role.MEMBER, true), "joined"), GROUP_MEMBER),
            v(new ByePush("idle", "no data for 90 s"), BYE),
            v(new UploadFile("r-40", SHA, 48213, "猫 cat.png"), FILE_UPLOAD),
            v(new UploadStarted("r-40", 7, 0, new UploadStarted.Challenge(1024, 4096, "q83vEjRWeJA=")), FILE_UPLOAD_OK),
            v(new ProveFile("r-41", 7, SHA), FILE_PROVE),
            v(new FileStored("r-41", CAT_PNG), FILE_STORED),
            v(new CancelTransfer("r-42", 7), FILE_CANCEL),
            v(new DownloadFile("r-43", 100, 6, 0), FILE_DOWNLOAD),
            v(new DownloadStarted("r-43", 8, REPORT_PDF, 0), FILE_DOWNLOAD_OK),
            v(new UploadProgressPush(7, 131072), FILE_PROGRESS),
            v(new UploadDonePush(7, CAT_PNG), FILE_UPLOAD_DONE),
            v(new UploadFailedPush(7, ErrorCode.BAD_REQUEST, "the bytes do not match sha256"), FILE_UPLOAD_FAILED),
            v(new DownloadFailedPush(8, ErrorCode.UNAVAILABLE, "cannot read the file"), FILE_DOWNLOAD_FAILED),
            v(new RecallMessage("r-44", 100, 5), MSG_RECALL),
            v(new MessageRecalledPush(100, 5, 42, 1767225700000L), MSG_RECALLED),
            v(new Typing("r-45", 100), TYPING),
            v(new TypingPush(100, 42), TYPING_USER),
            v(new MarkRead("r-50", 100, 5), MSG_READ),
            v(new ReceiptPush(100, 43, 5, 4), RECEIPT),
            v(new ListReceipts("r-51", 200), RECEIPTS),
            v(new ReceiptList("r-51", 200, List.of(new Receipt(42, 17, 17), new Receipt(43, 16, 12))), RECEIPTS_LIST),
            v(new SetConversationSettings("r-52", 200, null, true), CONV_SETTINGS),
            v(new ConversationSettingsPush(200, false, true), CONV_SETTINGS_CHANGED),
            v(new SetFriendRemark("r-53", 43, "老板 Bob"), FRIEND_REMARK),
            v(new FriendRemarkPush(43, ""), FRIEND_REMARK_CHANGED),
            v(new SetGroupNotice("r-44", 9, "周六下午三点读《三体》"), GROUP_NOTICE),
            v(new MuteMember("r-45", 9, 43, 60), GROUP_MUTE),
            v(new MuteAll("r-46", 9, true), GROUP_MUTE_ALL));

    /** More vectors of types that already have one: group notice, mute and system lines. */
    static final List<Vector> GROUP_RULES = List.of(
            v(new GroupReply("r-18", BOOK_CLUB_MUTED), GROUP_MUTED),
            v(new MemberList("r-27", 9, List.of(new MemberInfo(BOB, Role.MEMBER, false, 1767229200000L))),
                    GROUP_MEMBERS_MUTED),
            v(new MessagePush(new MessageInfo(77, 200, 18, 42, "sys:5f0c", "爱丽丝 removed Bob from the group",
                    1767225600000L, MessageKind.SYSTEM, null, null, null, null, null,
                    SystemEvent.of("kicked", 42, 43L))), MSG_SYSTEM_KICKED));

    static List<Vector> all() {
        List<Vector> all = new java.util.ArrayList<>(BY_TYPE.values());
        all.addAll(GROUP_RULES);
        return List.copyOf(all);
    }

    private static Vector v(Packet packet, String json) {
        return new Vector(packet, json);
    }

    private static Map<Class<? extends Packet>, Vector> index(Vector... vectors) {
        Map<Class<? extends Packet>, Vector> map = new LinkedHashMap<>();
        for (Vector vector : vectors) {
            if (map.put(vector.packet().getClass(), vector) != null) {
                throw new IllegalStateException("two vectors for " + vector.packet().getClass().getSimpleName());
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
