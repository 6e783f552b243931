package org.qchat.client.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.Credentials;
import org.qchat.client.core.files.FileStorage;
import org.qchat.client.core.history.LocalHistory;
import org.qchat.client.transport.ServerAddress;
import org.qchat.client.transport.ServerList;
import org.qchat.protocol.Request;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.FriendInfo;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.FriendList;
import org.qchat.protocol.packet.FriendRequestList;
import org.qchat.protocol.packet.GroupList;
import org.qchat.protocol.packet.ListFriendRequests;
import org.qchat.protocol.packet.ListFriends;
import org.qchat.protocol.packet.ListGroups;
import org.qchat.protocol.packet.Login;
import org.qchat.protocol.packet.Resume;
import org.qchat.protocol.packet.SessionStarted;
import org.qchat.protocol.packet.Sync;
import org.qchat.protocol.packet.SyncState;
import org.qchat.protocol.packet.Welcome;

/**
 * A {@link ChatClient} wired to fakes, with the test playing the server: every callback, timer
 * and piece of file work runs on the test's thread (a direct dispatcher and file worker), so
 * tests need no waiting at all.
 */
public final class ClientHarness {

    public static final ServerList SERVER = ServerList.of(new ServerAddress("chat.example", 9321));
    public static final String TOKEN = "tok-1234567890";

    public final ManualScheduler scheduler = new ManualScheduler();
    public final MemorySessionStore store = new MemorySessionStore();
    public final List<FakeTransport> transports = new ArrayList<>();
    public final ChatClient client;
    private final Set<String> answered = new HashSet<>();

    /** A harness whose client never touches files. */
    public ClientHarness() {
        this(Path.of(System.getProperty("java.io.tmpdir"), "qchat-harness-no-files"));
    }

    /** A harness whose client keeps its cache in {@code files/cache} and downloads into {@code files/downloads}. */
    public ClientHarness(Path files) {
        this(files, Runnable::run);
    }

    /** As {@link #ClientHarness(Path)}, with file work handed to {@code fileWorker} instead of run at once. */
    public ClientHarness(Path files, Executor fileWorker) {
        this(files, fileWorker, (account, userId) -> LocalHistory.NONE);
    }

    /** A harness whose client keeps messages in the local history {@code histories} opens. */
    public ClientHarness(Path files, Executor fileWorker, LocalHistory.Opener histories) {
        FileStorage storage = new FileStorage(files.resolve("cache"), () -> files.resolve("downloads"), fileWorker);
        client = new ChatClient(() -> {
            FakeTransport t = new FakeTransport();
            transports.add(t);
            return t;
        }, Runnable::run, scheduler, store, storage, histories);
    }

    /** The transport of the current (latest) login. */
    public FakeTransport transport() {
        return transports.get(transports.size() - 1);
    }

    /** Answers the oldest unanswered request of {@code type} with {@code reply}(request). */
    public <Q extends Request> Q answer(Class<Q> type, Function<Q, ? extends Response> reply) {
        Q request = transport().sent(type).stream().filter(r -> !answered.contains(r.id())).findFirst()
                .orElseThrow(() -> new AssertionError("no unanswered " + type.getSimpleName() + "; sent: "
                        + transport().sent()));
        answered.add(request.id());
        transport().receive(reply.apply(request));
        return request;
    }

    /** Answers the oldest unanswered request of {@code type} with an error. */
    public <Q extends Request> Q fail(Class<Q> type, org.qchat.protocol.ErrorCode code) {
        return answer(type, r -> new ErrorReply(r.id(), code, "refused"));
    }

    public boolean hasUnanswered(Class<? extends Request> type) {
        return transport().sent(type).stream().anyMatch(r -> !answered.contains(r.id()));
    }

    /** Starts a password login and lets the server accept the connection and greet. */
    public CompletableFuture<Void> startLogin(String username, boolean remember) {
        CompletableFuture<Void> login = client.login(SERVER, new Credentials.Password(username, "password1"), remember);
        transport().acceptConnection();
        transport().receive(new Welcome(1, "qchat/test", 262144, 30));
        return login;
    }

    /**
     * Logs in as {@code me} and answers the bootstrap: friends, groups, requests, sync.
     */
    public void loginAs(UserInfo me, List<FriendInfo> friends, List<GroupInfo> groups, List<ConversationInfo> convs) {
        CompletableFuture<Void> login = startLogin(me.username(), false);
        answer(Login.class, r -> session(r.id(), me));
        if (!login.isDone() || login.isCompletedExceptionally()) {
            throw new AssertionError("login did not complete");
        }
        answerBootstrap(friends, groups, convs);
    }

    /** Answers what the client asks right after a session starts. */
    public void answerBootstrap(List<FriendInfo> friends, List<GroupInfo> groups, List<ConversationInfo> convs) {
        answer(ListFriends.class, r -> new FriendList(r.id(), friends));
        answer(ListGroups.class, r -> new GroupList(r.id(), groups));
        answer(ListFriendRequests.class, r -> new FriendRequestList(r.id(), List.of(), List.of()));
        answer(Sync.class, r -> new SyncState(r.id(), convs, List.of(), Wire.TIME));
    }

    /** Drops the link, then brings it back and answers the resume. */
    public Resume reconnectAndResume(UserInfo me) {
        transport().drop("test drop");
        transport().acceptConnection();
        transport().receive(new Welcome(1, "qchat/test", 262144, 30));
        return answer(Resume.class, r -> session(r.id(), me));
    }

    public static SessionStarted session(String id, UserInfo me) {
        return new SessionStarted(id, TOKEN, me, "test-device", 1, Wire.TIME);
    }
}
