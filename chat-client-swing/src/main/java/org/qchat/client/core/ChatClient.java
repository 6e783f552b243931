package org.qchat.client.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import org.qchat.client.core.files.FileStorage;
import org.qchat.client.core.files.FileTransfers;
import org.qchat.client.core.history.LocalHistory;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.core.model.ContactList;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.ConversationList;
import org.qchat.client.core.model.FriendRequests;
import org.qchat.client.core.model.GroupDirectory;
import org.qchat.client.core.model.Listeners;
import org.qchat.client.core.model.Session;
import org.qchat.client.core.model.UserDirectory;
import org.qchat.client.transport.ChatTransport;
import org.qchat.client.transport.ServerList;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.Push;
import org.qchat.protocol.Request;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.model.Receipt;
import org.qchat.protocol.packet.CreateGroup;
import org.qchat.protocol.packet.ListReceipts;
import org.qchat.protocol.packet.ReceiptList;
import org.qchat.protocol.packet.SetConversationSettings;
import org.qchat.protocol.packet.SetFriendRemark;
import org.qchat.protocol.packet.DissolveGroup;
import org.qchat.protocol.packet.FriendList;
import org.qchat.protocol.packet.FriendRequestList;
import org.qchat.protocol.packet.GroupList;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.protocol.packet.InviteToGroup;
import org.qchat.protocol.packet.JoinGroup;
import org.qchat.protocol.packet.KickMember;
import org.qchat.protocol.packet.LeaveGroup;
import org.qchat.protocol.packet.MessageRecalledPush;
import org.qchat.protocol.packet.ListFriendRequests;
import org.qchat.protocol.packet.ListFriends;
import org.qchat.protocol.packet.ListGroups;
import org.qchat.protocol.packet.ListMembers;
import org.qchat.protocol.packet.MemberList;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.RemoveFriend;
import org.qchat.protocol.packet.RespondFriendRequest;
import org.qchat.protocol.packet.SearchGroups;
import org.qchat.protocol.packet.SearchUsers;
import org.qchat.protocol.packet.SendFriendRequest;
import org.qchat.protocol.packet.SetGroupAdmin;
import org.qchat.protocol.packet.UpdateProfile;
import org.qchat.protocol.packet.UserList;
import org.qchat.protocol.packet.UserReply;

/**
 * The client as views see it: the models to render, and one method per user action. Knows the
 * protocol; knows nothing of Swing.
 *
 * <p>Threading: every method must be called on the dispatcher thread (the Swing event thread in
 * the app), and every future completes there, so callbacks may update views directly. Network
 * events are re-posted to the dispatcher; nothing here blocks.
 *
 * <p>Failures are {@link ChatException}s; {@link ErrorKeys} turns them into words.
 */
public final class ChatClient {

    private final Session session = new Session();
    private final ContactList contacts = new ContactList();
    private final FriendRequests requests = new FriendRequests();
    private final GroupDirectory groups = new GroupDirectory();
    private final ConversationList conversations = new ConversationList();
    private final UserDirectory users = new UserDirectory();
    private final Listeners<ClientEvents> events = new Listeners<>();

    private final Requester requester;
    private final SessionController connection;
    private final SyncEngine sync;
    private final Outbox outbox;
    private final PushRouter pushes;
    private final FileTransfers files;
    private final MessageActions messageActions;
    private final HistoryKeeper history;
    private final java.util.Set<Long> membersRequested = new java.util.HashSet<>();
    private final java.util.Set<Long> receiptsLoaded = new java.util.HashSet<>();
    private final AccountRequests account;
    private final AdminRequests admin;
    private final GroupUpdates groupUpdates = new GroupUpdates(this::online, session, groups, this::loadMembers);

    /**
     * A client that keeps files under a temporary folder: for tools and tests that send no files.
     *
     * @see #ChatClient(Supplier, Executor, Scheduler, SessionStore, FileStorage)
     */
    public ChatClient(Supplier<ChatTransport> transports, Executor dispatcher, Scheduler scheduler, SessionStore store) {
        this(transports, dispatcher, scheduler, store, FileStorage.temporary());
    }

    /**
     * @param transports makes a fresh transport for each login
     * @param dispatcher the one thread client state lives on (the Swing event thread)
     * @param storage    where images and files are kept, and the thread that reads and writes them
     */
    public ChatClient(Supplier<ChatTransport> transports, Executor dispatcher, Scheduler scheduler, SessionStore store,
                      FileStorage storage) {
        this(transports, dispatcher, scheduler, store, storage, (account, userId) -> LocalHistory.NONE);
    }

    /**
     * @param histories opens the local history of the account that logged in (messages kept on
     *                  this computer); {@code LocalHistory.NONE} keeps nothing
     */
    public ChatClient(Supplier<ChatTransport> transports, Executor dispatcher, Scheduler scheduler, SessionStore store,
                      FileStorage storage, LocalHistory.Opener histories) {
        requester = new Requester(scheduler);
        history = new HistoryKeeper(histories, dispatcher, requester, conversations);
        connection = new SessionController(transports, dispatcher, scheduler, store, requester, session);
        sync = new SyncEngine(requester, scheduler, session, conversations, requests, users, history);
        outbox = new Outbox(requester, scheduler, session, conversations, sync);
        pushes = new PushRouter(session, contacts, requests, groups, conversations, users, sync, events);
        OnlineCalls calls = new OnlineCalls(session, requester);
        account = new AccountRequests(calls, new org.qchat.client.core.model.BlockedUsers(), users);
        admin = new AdminRequests(calls);
        files = new FileTransfers(requester, connection::maxFrame, scheduler, dispatcher, session, conversations,
                outbox::sendFile, storage);
        messageActions = new MessageActions(requester, scheduler, session, conversations, groups, outbox, files);
        events.add(new ClientEvents() {
            @Override
            public void messageArrived(Conversation conversation, ChatMessage message) {
                learnSender(conversation, message.senderId());
                if (message.isSystemLine() && conversation.groupId() != null) {
                    groupUpdates.lineArrived(conversation.groupId(), message.system());
                }
            }
        });
        conversations.addListener(groupUpdates::learnFormerGroup);
        connection.setHooks(new SessionController.Hooks() {
            @Override
            public void sessionStarted(boolean fresh) {
                onSessionStarted(fresh);
            }

            @Override
            public void linkLost() {
                sync.reset();
                files.linkLost();
            }

            @Override
            public void pushReceived(Push push) {
                if (push instanceof MessageRecalledPush recalled) {
                    history.erase(recalled.convId(), recalled.seq(), recalled.by());
                }
                if (!files.accept(push) && !messageActions.accept(push)) {
                    pushes.apply(push);
                }
            }

            @Override
            public void dataReceived(FileChunk chunk) {
                files.dataReceived(chunk);
            }
        });
    }

    // ---- models ---------------------------------------------------------------------------

    public Session session() {
        return session;
    }

    public ContactList contacts() {
        return contacts;
    }

    public FriendRequests friendRequests() {
        return requests;
    }

    public GroupDirectory groups() {
        return groups;
    }

    /** Group notice and mutes. */
    public GroupUpdates groupUpdates() {
        return groupUpdates;
    }

    public ConversationList conversations() {
        return conversations;
    }

    public UserDirectory users() {
        return users;
    }

    /** Sending and fetching images and files, and their progress. */
    public FileTransfers files() {
        return files;
    }

    /** Blocking people and changing the password. */
    public AccountRequests account() {
        return account;
    }

    /** Server administration; see {@link Session#isAdmin()}. */
    public AdminRequests admin() {
        return admin;
    }

    /** While reconnecting: try now rather than after the back-off wait (the user asked, or the network is back). */
    public void retryNow() {
        connection.retryNow();
    }

    public void addEventListener(ClientEvents listener) {
        events.add(listener);
    }

    public void removeEventListener(ClientEvents listener) {
        events.remove(listener);
    }

    // ---- session --------------------------------------------------------------------------

    /**
     * Connects and starts a session. Fails with {@link ChatException}; read it with
     * {@code ErrorKeys.of(failure, credentials.action())}.
     *
     * @param remember keep the session token (never the password) to resume at the next start
     */
    public CompletableFuture<Void> login(ServerList servers, Credentials credentials, boolean remember) {
        return connection.start(servers, credentials, remember);
    }

    public void logout() {
        connection.logout();
    }

    /** Closes the connection without logging out, e.g. when the app quits; "remember me" keeps working. */
    public void close() {
        connection.close();
        history.close();
    }

    /** The server's addresses, as given to {@link #login}. */
    public ServerList servers() {
        return connection.servers();
    }

    /** Group messages can come from people we have no profile of: load the member list, once. */
    private void learnSender(Conversation conversation, long senderId) {
        Long groupId = conversation.groupId();
        if (groupId != null && users.name(senderId) == null && groups.isMember(groupId)
                && membersRequested.add(groupId)) {
            loadMembers(groupId).whenComplete((v, failure) -> {
                if (failure != null) {
                    membersRequested.remove(groupId);
                }
            });
        }
    }

    private void onSessionStarted(boolean fresh) {
        UserInfo me = session.me();
        receiptsLoaded.clear();
        if (fresh) {
            membersRequested.clear();
            groupUpdates.reset();
            outbox.clear();
            sync.reset();
            contacts.replaceAll(List.of());
            groups.replaceAll(List.of());
            requests.replaceIncoming(List.of());
            requests.replaceOutgoing(List.of());
            conversations.reset(me.userId());
            conversations.ensure(ConversationList.SYSTEM_CONV_ID, ConversationKind.SYSTEM);
            // The username too: a server whose database was started afresh hands out the same ids again.
            history.open(servers().key() + " " + me.username().toLowerCase(java.util.Locale.ROOT), me.userId());
        }
        users.put(me);
        // Pushes were missed while away: re-read the state, then catch up on messages and resend.
        refreshFriends();
        refreshGroups();
        refreshRequests();
        account.refreshBlocked();
        if (fresh) {
            // What this computer kept shows first; catching up then starts after it.
            history.restore().thenRun(sync::sync);
        } else {
            sync.sync();
        }
        outbox.resendAll();
        files.sessionStarted(fresh);
    }

    private void refreshFriends() {
        requester.call(ListFriends::new, FriendList.class).thenAccept(reply -> {
            contacts.replaceAll(reply.friends());
            reply.friends().forEach(f -> pushes.friendAdded(f, false));
            // Friendships that ended while we were away: their conversations are read-only now.
            for (Conversation conv : conversations.all()) {
                if (conv.kind() == ConversationKind.PRIVATE && conv.peerId() != null && !contacts.isFriend(conv.peerId())) {
                    conv.setActive(false);
                }
            }
        });
    }

    private void refreshGroups() {
        requester.call(ListGroups::new, GroupList.class).thenAccept(reply -> {
            groups.replaceAll(reply.groups());
            reply.groups().forEach(g -> pushes.groupJoined(g, false));
            for (Conversation conv : conversations.all()) {
                if (conv.kind() == ConversationKind.GROUP && !groups.isMember(conv.convId())) {
                    conv.setActive(false);
                    groupUpdates.learnFormerGroup(conv);
                }
            }
        });
    }

    private void refreshRequests() {
        requester.call(ListFriendRequests::new, FriendRequestList.class).thenAccept(reply -> {
            reply.incoming().forEach(r -> users.put(r.from()));
            reply.outgoing().forEach(r -> users.put(r.to()));
            requests.replaceIncoming(reply.incoming());
            requests.replaceOutgoing(reply.outgoing());
        });
    }

    // ---- messages -------------------------------------------------------------------------

    /** Replies, mentions, recall, forwarding and typing. */
    public MessageActions messageActions() {
        return messageActions;
    }

    /** Queues a message; it shows as sending at once and is sent now or after reconnecting. */
    public ChatMessage sendMessage(long convId, String text) {
        return outbox.send(convId, text);
    }

    /**
     * Sends a failed message again, with its original clientMsgId; an image or file whose upload
     * failed uploads again first.
     */
    public void retry(String clientMsgId) {
        if (outbox.holds(clientMsgId) || !files.retryUpload(clientMsgId)) {
            outbox.retry(clientMsgId);
        }
    }

    /**
     * Tells the client whether the user is looking at a conversation (its tab selected in a
     * focused window). While looking, its messages count as read and the read cursor is stored
     * on the server.
     */
    public void setViewing(long convId, boolean looking) {
        sync.setViewing(convId, looking);
        if (looking && receiptsLoaded.add(convId)) {
            loadReceipts(convId).whenComplete((v, failure) -> {
                ChatException e = failure == null ? null : ChatException.of(failure);
                // A group too large for receipts stays so for this session: no point asking again.
                if (failure != null && (e == null || e.code() != org.qchat.protocol.ErrorCode.TOO_LARGE)) {
                    receiptsLoaded.remove(convId);
                }
            });
        }
    }

    /** Whether the user is looking at this conversation now (no notice needed for its messages). */
    public boolean isViewing(long convId) {
        return sync.isViewing(convId);
    }

    /** Loads older messages; completes with whether even older ones exist. */
    public CompletableFuture<Boolean> loadOlder(long convId) {
        return sync.loadOlder(convId);
    }

    /**
     * Makes a message (found by {@link #searchHistory}) and those around it shown in its
     * conversation, joined to the ones shown already. Completes when they are, also offline (with
     * what this computer kept).
     */
    public CompletableFuture<Void> loadAround(long convId, long seq) {
        return conversations.get(convId).map(conv -> conv.stored(seq).isPresent()
                ? CompletableFuture.<Void>completedFuture(null) : history.loadAround(conv, seq))
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    /**
     * Searches the messages kept on this computer, in every conversation: any part of the text
     * (Chinese words inside sentences too), ignoring case; newest first, at most 200.
     */
    public CompletableFuture<List<MessageInfo>> searchHistory(String query) {
        return history.search(query);
    }

    /** A message was recalled by {@code recalledBy}: it is rewritten without its content here and on disk. */
    public void erase(long convId, long seq, long recalledBy) {
        history.erase(convId, seq, recalledBy);
    }

    /** A newer version of a stored message replaces the one shown and kept. */
    public void replace(MessageInfo message) {
        history.replace(message);
    }

    // ---- friends and profile --------------------------------------------------------------

    public CompletableFuture<List<UserInfo>> searchUsers(String query) {
        return online(id -> new SearchUsers(id, query.strip(), 20), UserList.class).thenApply(reply -> {
            reply.users().forEach(users::put);
            return reply.users();
        });
    }

    public CompletableFuture<Void> sendFriendRequest(long userId, String note) {
        return online(id -> new SendFriendRequest(id, userId, note), Ok.class).thenRun(this::refreshRequests);
    }

    public CompletableFuture<Void> respondToFriendRequest(long requestId, boolean accept) {
        return online(id -> new RespondFriendRequest(id, requestId, accept), Ok.class)
                .thenRun(() -> requests.remove(requestId));
    }

    public CompletableFuture<Void> removeFriend(long userId) {
        return online(id -> new RemoveFriend(id, userId), Ok.class).thenRun(() -> {
            contacts.get(userId).flatMap(c -> conversations.get(c.convId())).ifPresent(c -> c.setActive(false));
            contacts.remove(userId);
        });
    }

    /** Changes my nickname and/or signature (null leaves a field as it is). */
    public CompletableFuture<UserInfo> updateProfile(String nickname, String signature) {
        return online(id -> new UpdateProfile(id, nickname, signature), UserReply.class).thenApply(reply -> {
            pushes.userUpdated(reply.user());
            return reply.user();
        });
    }

    /** Gives a friend a name only I see (备注), on all my devices; blank clears it. */
    public CompletableFuture<Void> setRemark(long userId, String remark) {
        String clean = remark == null ? "" : remark.strip();
        return online(id -> new SetFriendRemark(id, userId, clean), Ok.class).thenRun(() -> pushes.remark(userId, clean));
    }

    // ---- my conversation settings and receipts ----------------------------------------------

    /** Pins or unpins a conversation at the top of the list, on all my devices. */
    public CompletableFuture<Void> setPinned(long convId, boolean pinned) {
        return online(id -> new SetConversationSettings(id, convId, pinned, null), Ok.class).thenRun(() ->
                conversations.get(convId).ifPresent(c -> c.applySettings(pinned, c.isMuted())));
    }

    /** Mutes (do not disturb) or unmutes a conversation's notifications, on all my devices. */
    public CompletableFuture<Void> setMuted(long convId, boolean muted) {
        return online(id -> new SetConversationSettings(id, convId, null, muted), Ok.class).thenRun(() ->
                conversations.get(convId).ifPresent(c -> c.applySettings(c.isPinned(), muted)));
    }

    /**
     * Loads how far the members got ({@code receipts}); pushes keep it current afterwards. A group
     * too large for receipts fails with TOO_LARGE.
     */
    public CompletableFuture<Void> loadReceipts(long convId) {
        Conversation conv = conversations.get(convId).orElse(null);
        if (conv == null || conv.isSystem()) {
            return CompletableFuture.completedFuture(null);
        }
        return online(id -> new ListReceipts(id, convId), ReceiptList.class).thenAccept(reply -> {
            for (Receipt r : reply.receipts()) {
                if (r.userId() == session.myId()) {
                    conv.applyOwnRead(r.read());
                } else {
                    conv.applyReceipt(r.userId(), r.delivered(), r.read());
                }
            }
        });
    }

    // ---- groups ---------------------------------------------------------------------------

    public CompletableFuture<GroupInfo> createGroup(String name, JoinPolicy policy) {
        return online(id -> new CreateGroup(id, name.strip(), policy), GroupReply.class).thenApply(reply -> {
            pushes.groupJoined(reply.group(), true);
            return reply.group();
        });
    }

    public CompletableFuture<List<GroupInfo>> searchGroups(String query) {
        return online(id -> new SearchGroups(id, query.strip(), 20), GroupList.class).thenApply(GroupList::groups);
    }

    public CompletableFuture<GroupInfo> joinGroup(long groupId) {
        return online(id -> new JoinGroup(id, groupId), GroupReply.class).thenApply(reply -> {
            pushes.groupJoined(reply.group(), true);
            return reply.group();
        });
    }

    public CompletableFuture<Void> leaveGroup(long groupId) {
        return online(id -> new LeaveGroup(id, groupId), Ok.class).thenRun(() -> {
        });
    }

    public CompletableFuture<Void> inviteToGroup(long groupId, List<Long> userIds) {
        return online(id -> new InviteToGroup(id, groupId, userIds), Ok.class).thenRun(() -> loadMembers(groupId));
    }

    public CompletableFuture<Void> kick(long groupId, long userId) {
        return online(id -> new KickMember(id, groupId, userId), Ok.class).thenRun(() -> {
        });
    }

    public CompletableFuture<Void> setAdmin(long groupId, long userId, boolean admin) {
        return online(id -> new SetGroupAdmin(id, groupId, userId, admin), Ok.class).thenRun(() -> {
        });
    }

    public CompletableFuture<Void> dissolveGroup(long groupId) {
        return online(id -> new DissolveGroup(id, groupId), Ok.class).thenRun(() -> {
        });
    }

    /** Loads (or refreshes) a group's member list into {@link GroupDirectory}. */
    public CompletableFuture<Void> loadMembers(long groupId) {
        return online(id -> new ListMembers(id, groupId), MemberList.class).thenAccept(reply -> {
            reply.members().forEach(m -> users.put(m.user()));
            groups.replaceMembers(groupId, reply.members());
            reply.members().stream().filter(m -> m.user().userId() == session.myId()).findFirst()
                    .ifPresent(me -> groups.noteMyMute(groupId, me.mutedUntil()));
        });
    }

    /** User actions need a session: while reconnecting they fail at once instead of waiting. */
    private <R extends Response> CompletableFuture<R> online(Function<String, ? extends Request> build, Class<R> type) {
        if (session.state() != ConnectionState.ONLINE) {
            return CompletableFuture.failedFuture(new ChatException(ChatException.Kind.NOT_CONNECTED, "offline"));
        }
        return requester.call(build, type);
    }
}
