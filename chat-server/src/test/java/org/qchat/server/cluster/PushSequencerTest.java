package org.qchat.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Packet;
import org.qchat.protocol.PacketMapper;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.db.Database;
import org.qchat.server.db.Jdbc;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.ConnectionSession;
import org.qchat.server.route.LocalRouter;
import org.qchat.server.state.ChatState;
import org.qchat.server.state.Conversation;
import org.qchat.server.state.StateLoader;
import org.qchat.server.state.StateRefresher;
import org.qchat.server.service.MessageViews;
import org.qchat.server.store.RecallStore;
import org.qchat.server.store.message.JdbcMessageLog;
import org.qchat.server.store.message.MessageLog.Append;

/**
 * The push sequencer over a real (H2) message table: whatever order word of a conversation's
 * messages arrives in, a device gets them in seq order, each once, the missing ones read from the
 * database.
 */
class PushSequencerTest {

    private static final long ALICE = 1;
    private static final long BOB = 2;

    @TempDir
    Path tmp;
    private Database db;
    private JdbcMessageLog log;
    private ChatState state;
    private LocalRouter router;
    private PushSequencer sequencer;
    private final RecordingConnection bobsDevice = new RecordingConnection();
    private final List<Long> gapFills = new ArrayList<>();
    private long convId;

    @BeforeEach
    void setUp() {
        db = Database.open(ServerConfig.builder().dataDir(tmp).build());
        db.txRun(c -> {
            for (long id : List.of(ALICE, BOB)) {
                Jdbc.update(c, "INSERT INTO users (id, username, username_lower, nickname, nickname_lower, signature, "
                        + "password_hash, created_at) VALUES (?, ?, ?, '', '', '', 'x', 0)", id, "u" + id, "u" + id);
            }
            convId = Jdbc.insert(c, "INSERT INTO conversations (kind, last_seq, user_lo, user_hi, created_at) "
                    + "VALUES ('private', 0, ?, ?, 0)", ALICE, BOB);
            for (long id : List.of(ALICE, BOB)) {
                Jdbc.update(c, "INSERT INTO conversation_members (conv_id, user_id, from_seq) VALUES (?, ?, 1)", convId, id);
            }
        });
        log = new JdbcMessageLog(db);
        state = StateLoader.load(db, log);
        router = new LocalRouter(new FrameCodec(new PacketMapper(), 1 << 20));
        router.bind(BOB, bobsDevice);
        sequencer = new PushSequencer(state, log, new MessageViews(state, log, db, new RecallStore()), router,
                () -> gapFills.add(1L));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Stores seqs 1..n as another node would, without telling anyone. */
    private List<MessageInfo> storedElsewhere(int n) {
        List<Append> batch = new ArrayList<>();
        for (int seq = 1; seq <= n; seq++) {
            batch.add(new Append(convId, seq, ALICE, "c" + seq, "text " + seq, seq));
        }
        return log.append(batch);
    }

    private Conversation conversation() {
        return state.conversation(convId);
    }

    @Test
    void wordOfALaterMessageFirstPushesTheMissingOnesFromTheDatabaseInOrder() {
        List<MessageInfo> stored = storedElsewhere(4);

        sequencer.stored(conversation(), stored.get(3));
        sequencer.stored(conversation(), stored.get(1));
        sequencer.stored(conversation(), stored.get(2));

        assertThat(bobsDevice.seqs()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(gapFills).hasSize(3);
        assertThat(conversation().lastSeq()).isEqualTo(4);
    }

    @Test
    void aMessageRecalledBeforeAGapFillReadsItIsPushedAsRecalledNotEmpty() {
        List<MessageInfo> stored = storedElsewhere(3);
        log.erase(convId, 2);
        db.txRun(c -> new RecallStore().record(c, convId, 2, ALICE, 99));

        sequencer.stored(conversation(), stored.get(2));

        MessageInfo recalled = bobsDevice.pushed.get(1);
        assertThat(recalled.recalledBy()).isEqualTo(ALICE);
        assertThat(recalled.text()).isEqualTo(MessageInfo.RECALLED_TEXT);
        assertThat(bobsDevice.pushed.get(0).recalledBy()).isNull();
    }

    @Test
    void aMessageHeardTwiceOrFromBothTheLocalCommitAndTheChannelIsPushedOnce() {
        List<MessageInfo> stored = storedElsewhere(2);

        sequencer.committed(stored.get(0), new long[] {ALICE, BOB}, null);
        sequencer.stored(conversation(), stored.get(0));
        sequencer.stored(conversation(), stored.get(1));
        sequencer.stored(conversation(), stored.get(1));

        assertThat(bobsDevice.seqs()).containsExactly(1L, 2L);
        assertThat(gapFills).isEmpty();
    }

    @Test
    void catchingUpToTheDatabasesHeadPushesWhatWasNeverHeardOf() {
        storedElsewhere(3);

        sequencer.catchUp(conversation(), 3);
        sequencer.catchUp(conversation(), 3);

        assertThat(bobsDevice.seqs()).containsExactly(1L, 2L, 3L);
        assertThat(conversation().lastSeq()).isEqualTo(3);
    }

    @Test
    void withNoMemberOnThisNodeAGapCostsNoRead() {
        router.unbind(BOB, bobsDevice);
        List<MessageInfo> stored = storedElsewhere(3);

        sequencer.stored(conversation(), stored.get(2));

        assertThat(gapFills).isEmpty();
        assertThat(conversation().lastSeq()).isEqualTo(3);
    }

    @Test
    void aConversationCreatedOnAnotherNodeIsPushedFromItsFirstMessage() {
        long[] created = new long[1];
        db.txRun(c -> created[0] = Jdbc.insert(c, "INSERT INTO conversations (kind, last_seq, created_at) VALUES ('group', 0, 0)"));
        db.txRun(c -> Jdbc.update(c, "INSERT INTO conversation_members (conv_id, user_id, from_seq) VALUES (?, ?, 1)",
                created[0], BOB));
        List<MessageInfo> stored = log.append(List.of(new Append(created[0], 1, ALICE, "g1", "first", 1),
                new Append(created[0], 2, ALICE, "g2", "second", 2)));
        db.txRun(c -> new StateRefresher(state).reloadConversation(c, created[0]));

        sequencer.stored(state.conversation(created[0]), stored.get(1));

        assertThat(bobsDevice.seqs()).containsExactly(1L, 2L);
    }

    /** Decodes what it was sent; no network. */
    private static final class RecordingConnection implements ClientConnection {
        private final FrameCodec codec = new FrameCodec(new PacketMapper(), 1 << 20);
        private final List<MessageInfo> pushed = new ArrayList<>();

        List<Long> seqs() {
            return pushed.stream().map(MessageInfo::seq).toList();
        }

        @Override
        public String id() {
            return "test";
        }

        @Override
        public String remoteAddress() {
            return "127.0.0.1:1";
        }

        @Override
        public ConnectionSession session() {
            return null;
        }

        @Override
        public Executor serialExecutor() {
            return Runnable::run;
        }

        @Override
        public void send(Packet packet) {
            pushed.add(((MessagePush) packet).message());
        }

        @Override
        public void sendFrame(byte[] frame) {
            try {
                send(codec.decode(java.nio.ByteBuffer.wrap(frame)));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void sendFrame(byte[] frame, Runnable written) {
            sendFrame(frame);
            written.run();
        }

        @Override
        public void closeWith(Packet bye, String reason) {
        }

        @Override
        public void close(String reason) {
        }

        @Override
        public boolean isClosed() {
            return false;
        }
    }
}
