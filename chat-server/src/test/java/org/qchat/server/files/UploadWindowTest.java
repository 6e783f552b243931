package org.qchat.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.Packet;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.ConnectionSession;

/**
 * The bound on data frames a connection may have waiting: a server whose writes fall behind (here
 * they never run) cuts the client off once it is {@link FileService#MAX_UNWRITTEN} ahead, so memory
 * held for one uploader stays bounded whatever it sends.
 */
class UploadWindowTest {

    @Test
    void aClientFourMebibytesAheadOfTheWritesIsCutOffWithTooLarge() {
        StalledConnection connection = new StalledConnection();
        connection.session().login(new ConnectionSession.Identity(1, "u", "d", 1));
        FileService files = new FileService(null, null, null, null, null, null, Runnable::run, Clock.systemUTC());
        int frames = (int) (FileService.MAX_UNWRITTEN / FileChunk.MAX_DATA);

        for (int i = 0; i < frames; i++) {
            files.received(connection, chunk(i));
        }
        assertThat(connection.closedWith).as("exactly at the bound is still allowed").isNull();
        assertThat(connection.queued).hasSize(frames);

        files.received(connection, chunk(frames));

        assertThat(connection.closedWith).isInstanceOfSatisfying(ErrorReply.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE);
            assertThat(e.id()).isNull();
        });
        assertThat(connection.queued).as("the frame over the bound is not queued").hasSize(frames);
    }

    @Test
    void writtenBytesMakeRoomAgain() {
        StalledConnection connection = new StalledConnection();
        connection.session().login(new ConnectionSession.Identity(1, "u", "d", 1));
        FileService files = new FileService(null, null, null, null, null, null, Runnable::run, Clock.systemUTC());
        int frames = (int) (FileService.MAX_UNWRITTEN / FileChunk.MAX_DATA);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < frames; i++) {
                files.received(connection, chunk(i));
            }
            connection.runQueued();
        }
        assertThat(connection.closedWith).isNull();
    }

    private static FileChunk chunk(int i) {
        return new FileChunk(FileChunk.Direction.UPLOAD, 99, (long) i * FileChunk.MAX_DATA,
                ByteBuffer.allocate(FileChunk.MAX_DATA));
    }

    /** A connection whose serial executor only queues: the server's writes never catch up until told. */
    private static final class StalledConnection implements ClientConnection {
        private final ConnectionSession session = new ConnectionSession();
        final List<Runnable> queued = new ArrayList<>();
        Packet closedWith;

        void runQueued() {
            List<Runnable> now = new ArrayList<>(queued);
            queued.clear();
            now.forEach(Runnable::run);
        }

        @Override public String id() { return "stalled"; }
        @Override public String remoteAddress() { return "127.0.0.1:1"; }
        @Override public ConnectionSession session() { return session; }
        @Override public Executor serialExecutor() { return queued::add; }
        @Override public void send(Packet packet) { }
        @Override public void sendFrame(byte[] frame) { }
        @Override public void sendFrame(byte[] frame, Runnable written) { }
        @Override public void closeWith(Packet bye, String reason) { closedWith = bye; }
        @Override public void close(String reason) { }
        @Override public boolean isClosed() { return closedWith != null; }
    }
}
