package org.qchat.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.FileChunk;
import org.qchat.bench.jmh.RoutingBenchmark.CountingConnection;

/** The benchmarks measure what their Javadoc says only if their fixtures are what they claim. */
class BenchmarkFixturesTest {

    @Test
    void messageTextsAreTwoHundredCodePointsAndTheCjkOneNeedsMultiByteUtf8AndSurrogatePairs() {
        String ascii = CodecBenchmark.text("ascii");
        String cjk = CodecBenchmark.text("cjk-emoji");

        assertThat(ascii.codePointCount(0, ascii.length())).isEqualTo(200);
        assertThat(ascii.getBytes(StandardCharsets.UTF_8)).hasSize(200);
        assertThat(cjk.codePointCount(0, cjk.length())).isEqualTo(200);
        assertThat(cjk.length()).isGreaterThan(200);
        assertThat(cjk.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(3 * 180);
    }

    @Test
    void codecFixturesRoundTripForEveryTextKind() throws Exception {
        for (String kind : new String[] {"ascii", "cjk-emoji"}) {
            CodecBenchmark.Message message = new CodecBenchmark.Message();
            message.text = kind;
            message.setUp();
            CodecBenchmark benchmark = new CodecBenchmark();
            benchmark.setUp();

            assertThat(benchmark.decodeSend(message).type()).isEqualTo("msg.send");
            assertThat(benchmark.decodePush(message)).isEqualTo(message.push);
            assertThat(benchmark.encodePush(message)).isEqualTo(message.pushFrame);
            assertThat(benchmark.encodeSent()).isNotEmpty();
        }
    }

    @Test
    void aFilePieceDecodesToTheSame128KiBEitherWayAndInBase64JsonItIsAThirdLarger() throws Exception {
        FilePieceBenchmark benchmark = new FilePieceBenchmark();
        benchmark.setUp();

        FileChunk chunk = (FileChunk) benchmark.dataFrame();
        assertThat(chunk.length()).isEqualTo(FileChunk.MAX_DATA);
        assertThat(benchmark.binaryFrame).hasSize(FileChunk.FRAME_DATA_OFFSET + FileChunk.MAX_DATA);
        assertThat(benchmark.base64Json().data()).isEqualTo(benchmark.piece);
        assertThat(benchmark.jsonFrame.length).isGreaterThan(4 * FileChunk.MAX_DATA / 3);
    }

    @Test
    void oneToOneMessageReachesTheFriendAndTheSendersOtherDeviceButNotTheSendingConnection() {
        RoutingBenchmark.Conversation c = new RoutingBenchmark.Conversation();
        c.members = 2;
        c.setUp();

        new RoutingBenchmark().sendToUsers(c);

        // User 1 (the sender) has two devices, user 2 one.
        assertThat(c.connections).hasSize(3);
        assertThat(c.connections.get(0)).isSameAs(c.origin);
        assertThat(c.connections).extracting(conn -> conn.frames).containsExactly(0L, 1L, 1L);
    }

    @Test
    void groupOfOneHundredHasOneOrTwoDevicesPerMemberAndAllButTheOriginGetTheFrame() {
        RoutingBenchmark.Conversation c = new RoutingBenchmark.Conversation();
        c.members = 100;
        c.setUp();

        new RoutingBenchmark().sendToUsers(c);

        assertThat(c.connections).hasSize(134);
        assertThat(c.connections.stream().mapToLong(conn -> conn.frames).sum()).isEqualTo(133);
    }

    @Test
    void announcementGoesToExactlyOneThousandConnectionsMinusTheSender() {
        RoutingBenchmark.Everyone e = new RoutingBenchmark.Everyone();
        e.setUp();

        new RoutingBenchmark().sendToAll(e);

        assertThat(e.connections).hasSize(RoutingBenchmark.ALL_CONNECTIONS);
        assertThat(e.router.localConnections()).hasSize(RoutingBenchmark.ALL_CONNECTIONS);
        assertThat(e.connections.stream().mapToLong(conn -> conn.frames).sum()).isEqualTo(999);
        assertThat(((CountingConnection) e.origin).frames).isZero();
    }
}
