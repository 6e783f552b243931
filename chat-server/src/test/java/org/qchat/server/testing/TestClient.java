package org.qchat.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Packet;
import org.qchat.protocol.PacketMapper;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.Request;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.FriendInfo;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.MemberInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.AckCursor;
import org.qchat.protocol.packet.CreateGroup;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.FriendList;
import org.qchat.protocol.packet.FriendRequestList;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.protocol.packet.ListFriendRequests;
import org.qchat.protocol.packet.ListFriends;
import org.qchat.protocol.packet.ListMembers;
import org.qchat.protocol.packet.Login;
import org.qchat.protocol.packet.MemberList;
import org.qchat.protocol.packet.MessageHistory;
import org.qchat.protocol.packet.MessagePage;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.Ping;
import org.qchat.protocol.packet.Pong;
import org.qchat.protocol.packet.PullMessages;
import org.qchat.protocol.packet.Register;
import org.qchat.protocol.packet.Resume;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.SessionStarted;
import org.qchat.protocol.packet.Sync;
import org.qchat.protocol.packet.SyncState;
import org.qchat.protocol.packet.Welcome;

/**
 * A blocking test client on a plain socket (TCP_NODELAY). A reader thread decodes every frame the
 * server sends into an {@link Inbox}: replies are kept by request id until a caller claims them,
 * everything else (pushes, errors without an id) waits to be searched by type and predicate, so a
 * test never loses a packet it did not ask for yet.
 *
 * <p>Thread-safety: requests may be sent from several threads; frames are written whole under a lock.
 * Protocol violations seen by the reader (an undecodable frame, two replies to one id, a first packet
 * that is not {@code welcome}) are recorded and reported by {@link #assertNoViolations()}.
 */
public final class TestClient implements AutoCloseable {

    public static final String PASSWORD = "correct-horse-7";
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The client accepts any frame size the server might legally be configured for. */
    private static final int CLIENT_MAX_FRAME = 64 * 1024 * 1024;
    private static final AtomicLong REQUEST_IDS = new AtomicLong();

    private final FrameCodec codec = new FrameCodec(new PacketMapper(), CLIENT_MAX_FRAME);
    private final Socket socket;
    private final OutputStream out;
    private final Thread reader;

    private final Inbox inbox;

    private Welcome welcome;
    private volatile SessionStarted session;
    private volatile String password;

    private TestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.inbox = new Inbox("client :" + socket.getLocalPort());
        this.reader = new Thread(this::readLoop, "test-client-reader-" + socket.getLocalPort());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Connects and waits for the welcome push, which must be the first packet. */
    public static TestClient connect(String host, int port) {
        TestClient client = connectRaw(host, port);
        client.welcome = client.awaitPush(Welcome.class, w -> true, TIMEOUT);
        return client;
    }

    /** Connects without waiting for anything (the welcome push stays queued). */
    public static TestClient connectRaw(String host, int port) {
        return connectRaw(host, port, null);
    }

    /**
     * Connects from {@code localAddress} (another loopback address such as 127.0.0.2, so that
     * per-address limits see a different client) and waits for the welcome push.
     */
    public static TestClient connectFrom(String localAddress, String host, int port) {
        TestClient client = connectRaw(host, port, localAddress);
        client.welcome = client.awaitPush(Welcome.class, w -> true, TIMEOUT);
        return client;
    }

    private static TestClient connectRaw(String host, int port, String localAddress) {
        try {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            return new TestClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + host + ":" + port, e);
        }
    }

    // ------------------------------------------------------------------ reading

    private void readLoop() {
        try {
            // Not closed here: closing a socket's stream closes the socket, and a test may still
            // want to see what writing to a connection the server has closed does.
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException e) {
                    break;
                }
                byte[] body;
                try {
                    codec.checkLength(length);
                    body = new byte[length];
                    in.readFully(body);
                } catch (Exception e) {
                    inbox.violation("server sent a bad frame: " + e);
                    break;
                }
                Packet packet;
                try {
                    packet = body.length > 0 && body[0] == FileChunk.MARKER
                            ? codec.decode(ByteBuffer.wrap(FrameCodec.frame(body)))
                            : codec.mapper().read(body);
                } catch (Exception e) {
                    inbox.violation("server sent an undecodable frame (" + e.getMessage() + "): "
                            + new String(body, StandardCharsets.UTF_8));
                    continue;
                }
                inbox.deliver(packet);
            }
        } catch (IOException e) {
            // Reset by the server, or our own close: both end the stream.
        } finally {
            inbox.endOfStream();
        }
    }

    /** Fails if the reader saw anything the protocol does not allow. */
    public void assertNoViolations() {
        inbox.assertNoViolations();
    }

    // ------------------------------------------------------------------ writing

    /** A fresh request id, unique in this JVM. */
    public String nextId() {
        return "r" + REQUEST_IDS.incrementAndGet();
    }

    /** Writes bytes as they are: for frames a well-behaved client would never send. */
    public void rawWrite(byte[] bytes) {
        synchronized (out) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("write failed on " + this, e);
            }
        }
    }

    /** Frames a JSON text (UTF-8) and writes it. */
    public void writeJson(String json) {
        rawWrite(FrameCodec.frame(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes a request without waiting; returns its id for {@link #awaitReply}. */
    public String send(Request request) {
        rawWrite(codec.encode(request));
        return request.id();
    }

    /** Sends and waits up to 10 s for the reply with the same id; other packets stay queued. */
    public Response request(Request request) {
        return awaitReply(send(request), TIMEOUT);
    }

    public Response awaitReply(String id, Duration timeout) {
        return inbox.awaitReply(id, timeout);
    }

    /** The reply to {@code id} if it has arrived, without waiting. */
    public Optional<Response> pollReply(String id) {
        return inbox.pollReply(id);
    }

    /** Sends and expects a reply of {@code type}; an error reply fails the test with its code and message. */
    public <T extends Response> T expect(Class<T> type, Request request) {
        Response reply = request(request);
        if (reply instanceof ErrorReply error && type != ErrorReply.class) {
            return fail("%s failed with %s: %s (expected %s)", request, error.code(), error.message(),
                    type.getSimpleName());
        }
        assertThat(reply).as("reply to %s", request).isInstanceOf(type);
        return type.cast(reply);
    }

    public Ok expectOk(Request request) {
        return expect(Ok.class, request);
    }

    /** Sends and expects an error with {@code code} that echoes the request id. */
    public ErrorReply expectError(Request request, ErrorCode code) {
        Response reply = request(request);
        assertThat(reply).as("reply to %s", request).isInstanceOf(ErrorReply.class);
        ErrorReply error = (ErrorReply) reply;
        assertThat(error.code()).as("error code for %s (message: %s)", request, error.message()).isEqualTo(code);
        assertThat(error.id()).isEqualTo(request.id());
        return error;
    }

    /** Writes a JSON request (its id must be {@code id}) and waits for the reply. */
    public Response requestJson(String id, String json) {
        writeJson(json);
        return awaitReply(id, TIMEOUT);
    }

    // ------------------------------------------------------------------ pushes

    public <T extends Packet> T awaitPush(Class<T> type) {
        return awaitPush(type, p -> true, TIMEOUT);
    }

    public <T extends Packet> T awaitPush(Class<T> type, Predicate<? super T> match) {
        return awaitPush(type, match, TIMEOUT);
    }

    /** Waits for the oldest queued push of {@code type} matching {@code match}, and removes it. */
    public <T extends Packet> T awaitPush(Class<T> type, Predicate<? super T> match, Duration timeout) {
        return awaitPushes(type, match, 1, timeout).get(0);
    }

    /** Waits until {@code count} pushes match, removes and returns them in arrival order. */
    public <T extends Packet> List<T> awaitPushes(Class<T> type, Predicate<? super T> match, int count,
                                                  Duration timeout) {
        return inbox.awaitPushes(type, match, count, timeout);
    }

    /** Like {@link #awaitPush} but returns empty instead of failing when nothing matches within {@code timeout}. */
    public <T extends Packet> Optional<T> pollPush(Class<T> type, Predicate<? super T> match, Duration timeout) {
        return inbox.pollPush(type, match, timeout);
    }

    /** Removes and returns every queued push of {@code type} matching {@code match}, without waiting. */
    public <T extends Packet> List<T> takePushes(Class<T> type, Predicate<? super T> match) {
        return inbox.takePushes(type, match);
    }

    /** Fails if a matching push arrives (or is already queued) within {@code window}. Costs the whole window. */
    public <T extends Packet> void assertNoPush(Class<T> type, Predicate<? super T> match, Duration window) {
        inbox.assertNoPush(type, match, window);
    }

    /** Waits for the msg push carrying {@code clientMsgId} in {@code convId}. */
    public MessageInfo awaitMessage(long convId, String clientMsgId) {
        return awaitPush(MessagePush.class,
                p -> p.message().convId() == convId && p.message().clientMsgId().equals(clientMsgId)).message();
    }

    // ------------------------------------------------------------------ closing

    /** Waits up to 10 s for the server to end the stream; true if it did. */
    public boolean isClosedByServer() {
        return awaitEof(TIMEOUT) && !inbox.closedByUs();
    }

    public boolean awaitEof(Duration timeout) {
        return inbox.awaitEof(timeout);
    }

    /** True if the stream has ended, without waiting. */
    public boolean isEof() {
        return inbox.isEof();
    }

    /** Drops the connection without logging out, with a TCP reset, like a crashed client or a lost network. */
    public void closeAbruptly() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // already closed
        }
        close();
    }

    @Override
    public void close() {
        inbox.closingByUs();
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ session

    public Welcome welcome() {
        return welcome;
    }

    public SessionStarted session() {
        assertThat(session).as("%s is not logged in", this).isNotNull();
        return session;
    }

    public UserInfo user() {
        return session().user();
    }

    public long userId() {
        return user().userId();
    }

    public String username() {
        return user().username();
    }

    public String token() {
        return session().token();
    }

    public String device() {
        return session().device();
    }

    /** The password this client registered or logged in with. */
    public String password() {
        return password;
    }

    public SessionStarted register(String username) {
        return register(username, PASSWORD, null, null);
    }

    public SessionStarted register(String username, String password, String nickname, String device) {
        SessionStarted started = expect(SessionStarted.class,
                new Register(nextId(), ProtocolVersion.CURRENT, username, password, nickname, device));
        this.session = started;
        this.password = password;
        return started;
    }

    public SessionStarted login(String username, String password, String device) {
        SessionStarted started = expect(SessionStarted.class,
                new Login(nextId(), ProtocolVersion.CURRENT, username, password, device));
        this.session = started;
        this.password = password;
        return started;
    }

    public SessionStarted resume(String token, String device) {
        SessionStarted started = expect(SessionStarted.class,
                new Resume(nextId(), ProtocolVersion.CURRENT, token, device));
        this.session = started;
        return started;
    }

    // ------------------------------------------------------------------ common requests

    public Pong ping() {
        return expect(Pong.class, new Ping(nextId()));
    }

    public MessageSent sendText(long convId, String clientMsgId, String text) {
        MessageSent sent = expect(MessageSent.class, new SendMessage(nextId(), convId, clientMsgId, text));
        assertThat(sent.clientMsgId()).isEqualTo(clientMsgId);
        assertThat(sent.convId()).isEqualTo(convId);
        return sent;
    }

    public SyncState sync() {
        return expect(SyncState.class, new Sync(nextId()));
    }

    public void ack(long convId, long seq) {
        expectOk(new AckCursor(nextId(), convId, seq));
    }

    public MessagePage pull(long convId, long afterSeq, Integer limit) {
        MessagePage page = expect(MessagePage.class, new PullMessages(nextId(), convId, afterSeq, limit));
        assertThat(page.convId()).isEqualTo(convId);
        return page;
    }

    /** Pulls page after page until {@code more} is false. */
    public List<MessageInfo> pullAll(long convId, long afterSeq) {
        List<MessageInfo> all = new ArrayList<>();
        long after = afterSeq;
        for (int pages = 0; ; pages++) {
            assertThat(pages).as("pull pages for conv %d", convId).isLessThan(10_000);
            MessagePage page = pull(convId, after, null);
            all.addAll(page.messages());
            if (!page.more()) {
                return all;
            }
            assertThat(page.messages()).as("a page with more=true must make progress").isNotEmpty();
            after = page.messages().get(page.messages().size() - 1).seq();
        }
    }

    public MessagePage history(long convId, Long beforeSeq, Integer limit) {
        MessagePage page = expect(MessagePage.class, new MessageHistory(nextId(), convId, beforeSeq, limit));
        assertThat(page.convId()).isEqualTo(convId);
        return page;
    }

    public List<FriendInfo> friends() {
        return expect(FriendList.class, new ListFriends(nextId())).friends();
    }

    public FriendRequestList friendRequests() {
        return expect(FriendRequestList.class, new ListFriendRequests(nextId()));
    }

    public GroupInfo createGroup(String name, JoinPolicy policy) {
        return expect(GroupReply.class, new CreateGroup(nextId(), name, policy)).group();
    }

    public List<MemberInfo> members(long groupId) {
        MemberList list = expect(MemberList.class, new ListMembers(nextId(), groupId));
        assertThat(list.groupId()).isEqualTo(groupId);
        return list.members();
    }

    @Override
    public String toString() {
        SessionStarted s = session;
        return "TestClient[" + (s == null ? "anonymous" : s.user().username() + "/" + s.device())
                + " :" + socket.getLocalPort() + "]";
    }
}
