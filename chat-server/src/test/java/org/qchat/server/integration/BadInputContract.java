package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.server.integration.PrivateChatContract.conversation;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Response;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.Ping;
import org.qchat.protocol.packet.Pong;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.TestClient;

/**
 * Malformed input: fatal framing errors close only the offending connection; packet errors are
 * answered and the connection stays usable. After each case, two clients that were connected all
 * along still exchange a message, proving the server as a whole is unharmed.
 */
abstract class BadInputContract extends ServerContract {

    private static final int MAX_FRAME = FrameCodec.DEFAULT_MAX_FRAME_LENGTH;

    private TestClient witnessA;
    private TestClient witnessB;
    private long witnessConv;

    protected BadInputContract(Backend backend) {
        super(backend);
    }

    @Override
    protected void serverStarted() {
        witnessA = TestClient.connect("127.0.0.1", server.port());
        witnessA.register(Names.unique("witness"));
        witnessB = TestClient.connect("127.0.0.1", server.port());
        witnessB.register(Names.unique("witness"));
        witnessConv = befriend(witnessA, witnessB);
    }

    @AfterAll
    final void closeWitnesses() {
        if (witnessA != null) {
            witnessA.close();
        }
        if (witnessB != null) {
            witnessB.close();
        }
    }

    private void assertOtherClientsStillServed() {
        String clientMsgId = Names.msgId();
        witnessA.sendText(witnessConv, clientMsgId, "still here");
        witnessB.awaitMessage(witnessConv, clientMsgId);
        witnessA.assertNoViolations();
        witnessB.assertNoViolations();
    }

    private static byte[] header(int length) {
        return ByteBuffer.allocate(4).putInt(length).array();
    }

    private static byte[] frame(String json) {
        return FrameCodec.frame(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void assertRejectedAndClosed(TestClient c, ErrorCode code) {
        ErrorReply error = c.awaitPush(ErrorReply.class);
        assertThat(error.code()).as("error for a broken frame: %s", error.message()).isEqualTo(code);
        assertThat(error.id()).isNull();
        assertThat(c.isClosedByServer()).as("the server closes a connection after a framing error").isTrue();
    }

    private static ErrorReply assertBadRequest(TestClient c, String id, String json) {
        Response reply = c.requestJson(id, json);
        assertThat(reply).as("reply to %s", json).isInstanceOf(ErrorReply.class);
        ErrorReply error = (ErrorReply) reply;
        assertThat(error.code()).as("code for %s (%s)", json, error.message()).isEqualTo(ErrorCode.BAD_REQUEST);
        return error;
    }

    /**
     * Push records have no id field, so the decoded packet no longer knows the id the client put in
     * it; SPEC.md only says such a packet gets BAD_REQUEST. Accept the error with the id or without.
     */
    private static void assertBadRequestIdOptional(TestClient c, String id, String json) {
        c.writeJson(json);
        long deadline = System.nanoTime() + TestClient.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Response> reply = c.pollReply(id);
            Optional<ErrorReply> error = reply.map(r -> r instanceof ErrorReply e ? e : null)
                    .or(() -> c.pollPush(ErrorReply.class, e -> e.id() == null, Duration.ofMillis(50)));
            if (reply.isPresent() || error.isPresent()) {
                assertThat(error).as("reply to %s: %s", json, reply).isPresent();
                assertThat(error.get().code()).as("code for %s", json).isEqualTo(ErrorCode.BAD_REQUEST);
                return;
            }
        }
        throw new AssertionError("no error for " + json + " within " + TestClient.TIMEOUT);
    }

    private static void assertStillUsable(TestClient c) {
        c.ping();
        assertThat(c.isEof()).isFalse();
    }

    @Test
    void aLengthOverTheMaximumIsTooLargeAndClosesTheConnectionBeforeAnyBodyArrives() {
        TestClient justOver = server.connect();
        justOver.rawWrite(header(MAX_FRAME + 1));
        assertRejectedAndClosed(justOver, ErrorCode.TOO_LARGE);

        TestClient huge = server.connect();
        huge.rawWrite(concat(header(Integer.MAX_VALUE), "{\"type\":".getBytes(StandardCharsets.UTF_8)));
        assertRejectedAndClosed(huge, ErrorCode.TOO_LARGE);

        assertOtherClientsStillServed();
    }

    @Test
    void aNegativeOrZeroLengthIsABadRequestAndClosesTheConnection() {
        TestClient negative = server.connect();
        negative.rawWrite(header(-1));
        assertRejectedAndClosed(negative, ErrorCode.BAD_REQUEST);

        TestClient zero = server.connect();
        zero.rawWrite(header(0));
        assertRejectedAndClosed(zero, ErrorCode.BAD_REQUEST);

        assertOtherClientsStillServed();
    }

    static Stream<Arguments> bodiesThatAreNotJsonObjects() {
        byte[] invalidUtf8 = concat("{\"type\":\"ping\",\"id\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28}, "\"}".getBytes(StandardCharsets.UTF_8));
        byte[] overlongSlash = concat("{\"type\":\"ping\",\"id\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}".getBytes(StandardCharsets.UTF_8));
        byte[] loneSurrogate = concat("{\"type\":\"ping\",\"id\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of("plain text", "hello".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("JSON array", "[{\"type\":\"ping\",\"id\":\"1\"}]".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("JSON string", "\"ping\"".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("JSON number", "42".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("JSON null", "null".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("truncated JSON", "{\"type\":\"ping\",\"id\":".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("trailing garbage", "{\"type\":\"ping\",\"id\":\"1\"} x".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("duplicate keys", "{\"type\":\"ping\",\"id\":\"1\",\"id\":\"2\"}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("invalid UTF-8", invalidUtf8),
                Arguments.of("overlong UTF-8", overlongSlash),
                Arguments.of("UTF-8 encoded surrogate", loneSurrogate));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesThatAreNotJsonObjects")
    void aBodyThatIsNotAStrictUtf8JsonObjectIsABadRequestAndClosesTheConnection(String name, byte[] body) {
        TestClient c = server.connect();

        c.rawWrite(FrameCodec.frame(body));

        assertRejectedAndClosed(c, ErrorCode.BAD_REQUEST);
        assertOtherClientsStillServed();
    }

    @Test
    void anUnknownTypeIsABadRequestWithTheRequestIdAndTheConnectionStaysUsable() {
        TestClient c = server.connect();

        ErrorReply error = assertBadRequest(c, "u1", "{\"type\":\"no.such.type\",\"id\":\"u1\"}");

        assertThat(error.id()).isEqualTo("u1");
        assertStillUsable(c);
        assertOtherClientsStillServed();
    }

    @Test
    void aMissingOrNonStringTypeIsABadRequestWithTheRequestId() {
        TestClient c = server.connect();

        assertBadRequest(c, "t1", "{\"id\":\"t1\"}");
        assertBadRequest(c, "t2", "{\"type\":5,\"id\":\"t2\"}");
        assertBadRequest(c, "t3", "{\"type\":null,\"id\":\"t3\"}");
        assertBadRequest(c, "t4", "{\"type\":[\"ping\"],\"id\":\"t4\"}");

        assertStillUsable(c);
        assertOtherClientsStillServed();
    }

    @Test
    void missingFieldsAreABadRequest() {
        TestClient c = newUser("miss");

        assertBadRequest(c, "m1", "{\"type\":\"msg.send\",\"id\":\"m1\",\"convId\":5,\"clientMsgId\":\"x\"}");
        assertBadRequest(c, "m2", "{\"type\":\"msg.send\",\"id\":\"m2\",\"clientMsgId\":\"x\",\"text\":\"hi\"}");
        assertBadRequest(c, "m3", "{\"type\":\"sync.ack\",\"id\":\"m3\",\"convId\":1}");
        assertBadRequest(c, "m4", "{\"type\":\"friend.respond\",\"id\":\"m4\",\"requestId\":1}");
        assertBadRequest(c, "m5", "{\"type\":\"msg.pull\",\"id\":\"m5\",\"convId\":1}");
        assertBadRequest(c, "m6", "{\"type\":\"msg.send\",\"id\":\"m6\",\"convId\":5,\"clientMsgId\":\"x\",\"text\":null}");
        TestClient anonymous = server.connect();
        assertBadRequest(anonymous, "m7", "{\"type\":\"login\",\"id\":\"m7\",\"username\":\"abc\",\"password\":\"secret123\"}");
        anonymous.writeJson("{\"type\":\"ping\"}");
        assertThat(anonymous.awaitPush(ErrorReply.class).code()).as("a ping without id").isEqualTo(ErrorCode.BAD_REQUEST);

        assertStillUsable(c);
        assertStillUsable(anonymous);
        assertOtherClientsStillServed();
    }

    @Test
    void wrongFieldTypesAreABadRequest() {
        TestClient c = newUser("types");

        assertBadRequest(c, "w1", "{\"type\":\"msg.send\",\"id\":\"w1\",\"convId\":\"5\",\"clientMsgId\":\"x\",\"text\":\"hi\"}");
        assertBadRequest(c, "w2", "{\"type\":\"msg.send\",\"id\":\"w2\",\"convId\":5.5,\"clientMsgId\":\"x\",\"text\":\"hi\"}");
        assertBadRequest(c, "w3", "{\"type\":\"msg.send\",\"id\":\"w3\",\"convId\":5,\"clientMsgId\":\"x\",\"text\":123}");
        assertBadRequest(c, "w4", "{\"type\":\"friend.respond\",\"id\":\"w4\",\"requestId\":1,\"accept\":\"true\"}");
        assertBadRequest(c, "w5", "{\"type\":\"group.invite\",\"id\":\"w5\",\"groupId\":2,\"userIds\":\"3\"}");
        assertBadRequest(c, "w6", "{\"type\":\"msg.pull\",\"id\":\"w6\",\"convId\":1,\"afterSeq\":-1}");
        assertBadRequest(c, "w7", "{\"type\":\"msg.send\",\"id\":\"w7\",\"convId\":0,\"clientMsgId\":\"x\",\"text\":\"hi\"}");
        assertBadRequest(c, "w8", "{\"type\":\"group.create\",\"id\":\"w8\",\"name\":\"g\",\"joinPolicy\":\"OPEN\"}");
        assertBadRequest(c, "w9", "{\"type\":\"msg.pull\",\"id\":\"w9\",\"convId\":1,\"afterSeq\":0,\"limit\":\"10\"}");

        assertStillUsable(c);
        assertOtherClientsStillServed();
    }

    @Test
    void aRequestIdThatIsNotAShortStringIsAnsweredWithoutAnId() {
        TestClient c = server.connect();

        c.writeJson("{\"type\":\"no.such.type\",\"id\":\"" + "i".repeat(65) + "\"}");
        assertThat(c.awaitPush(ErrorReply.class).code()).isEqualTo(ErrorCode.BAD_REQUEST);
        c.writeJson("{\"type\":\"ping\",\"id\":7}");
        assertThat(c.awaitPush(ErrorReply.class).code()).isEqualTo(ErrorCode.BAD_REQUEST);

        assertStillUsable(c);
        assertOtherClientsStillServed();
    }

    @Test
    void responseAndPushTypesSentAsRequestsAreABadRequest() {
        TestClient c = newUser("notreq");

        assertBadRequest(c, "p1", "{\"type\":\"pong\",\"id\":\"p1\",\"time\":1}");
        assertBadRequest(c, "p2", "{\"type\":\"ok\",\"id\":\"p2\"}");
        assertBadRequest(c, "p3", "{\"type\":\"error\",\"id\":\"p3\",\"code\":\"INTERNAL\",\"message\":\"x\"}");
        assertBadRequestIdOptional(c, "p4", "{\"type\":\"welcome\",\"id\":\"p4\",\"protocol\":1,\"server\":\"x\",\"maxFrame\":1024,"
                + "\"heartbeatSeconds\":1}");
        assertBadRequestIdOptional(c, "p5", "{\"type\":\"msg\",\"id\":\"p5\",\"message\":{\"msgId\":1,\"convId\":1,\"seq\":1,"
                + "\"senderId\":1,\"clientMsgId\":\"x\",\"text\":\"forged\",\"time\":1}}");
        assertBadRequestIdOptional(c, "p6", "{\"type\":\"bye\",\"id\":\"p6\",\"reason\":\"shutdown\",\"message\":\"x\"}");
        assertBadRequest(c, "p7", "{\"type\":\"msg.sent\",\"id\":\"p7\",\"clientMsgId\":\"x\",\"msgId\":1,\"convId\":1,"
                + "\"seq\":1,\"time\":1}");
        assertBadRequestIdOptional(c, "p8", "{\"type\":\"presence\",\"id\":\"p8\",\"userId\":1,\"online\":true}");

        assertStillUsable(c);
        assertThat(c.pullAll(1, 0)).extracting(m -> m.text()).doesNotContain("forged");
        assertOtherClientsStillServed();
    }

    @Test
    void anOversizedTextIsTooLargeAndNothingIsStored() {
        TestClient alice = newUser("huge");
        TestClient bob = newUser("huge");
        long conv = befriend(alice, bob);

        Response reply = alice.requestJson("h1", "{\"type\":\"msg.send\",\"id\":\"h1\",\"convId\":" + conv
                + ",\"clientMsgId\":\"huge-1\",\"text\":\"" + "x".repeat(4001) + "\"}");

        assertThat(reply).isInstanceOf(ErrorReply.class);
        assertThat(((ErrorReply) reply).code()).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(conversation(bob.sync(), conv).lastSeq()).isZero();
        assertThat(bob.pullAll(conv, 0)).isEmpty();
        assertStillUsable(alice);
        assertOtherClientsStillServed();
    }

    @Test
    void unknownFieldsAreIgnoredAndAFrameOfExactlyTheMaximumLengthIsAccepted() {
        TestClient c = server.connect();
        assertThat(c.requestJson("x1", "{\"type\":\"ping\",\"id\":\"x1\",\"extra\":{\"nested\":[1,2,{}]}}"))
                .isInstanceOf(Pong.class);

        String prefix = "{\"type\":\"ping\",\"id\":\"max\",\"pad\":\"";
        String suffix = "\"}";
        String body = prefix + "p".repeat(MAX_FRAME - prefix.length() - suffix.length()) + suffix;
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(MAX_FRAME);

        assertThat(c.requestJson("max", body)).isInstanceOf(Pong.class);
        assertStillUsable(c);
        assertOtherClientsStillServed();
    }

    @Test
    void aFrameSplitAtEveryOffsetIsReassembled() {
        TestClient c = server.connect();
        int length = frame("{\"type\":\"ping\",\"id\":\"s000\"}").length;

        for (int offset = 1; offset < length; offset++) {
            String id = String.format("s%03d", offset);
            byte[] f = frame("{\"type\":\"ping\",\"id\":\"" + id + "\"}");
            c.rawWrite(Arrays.copyOfRange(f, 0, offset));
            c.rawWrite(Arrays.copyOfRange(f, offset, f.length));
            assertThat(c.awaitReply(id, TestClient.TIMEOUT)).as("split at byte %d", offset).isInstanceOf(Pong.class);
        }

        assertOtherClientsStillServed();
    }

    @Test
    void aLargeFrameArrivingInManyReadsIsReassembledAndTheFrameAfterItIsDecoded() throws InterruptedException {
        // The server reads into a 1 KiB buffer that grows while a larger frame arrives, then shrinks.
        TestClient c = server.connect();
        byte[] big = frame("{\"type\":\"ping\",\"id\":\"big\",\"pad\":\"" + "b".repeat(100_000) + "\"}");
        byte[] both = concat(big, frame("{\"type\":\"ping\",\"id\":\"after\"}"));

        for (int from = 0; from < both.length; from += 1500) {
            c.rawWrite(Arrays.copyOfRange(both, from, Math.min(both.length, from + 1500)));
            // The pace of a slow link, so that the pieces arrive in separate reads.
            TimeUnit.MILLISECONDS.sleep(1);
        }

        assertThat(c.awaitReply("big", TestClient.TIMEOUT)).isInstanceOf(Pong.class);
        assertThat(c.awaitReply("after", TestClient.TIMEOUT)).isInstanceOf(Pong.class);
        assertStillUsable(c);
        assertOtherClientsStillServed();
    }

    @Test
    void aClientThatTricklesAFrameInByteByByteIsDroppedAsASlowAttackWithoutHarmingOthers() throws InterruptedException {
        // t-io closes a connection after more than ten reads that average under 256 bytes without
        // completing a frame (docs/protocol.md, "Framing"). A real client writes a frame at once.
        TestClient c = server.connect();
        byte[] frame = frame("{\"type\":\"ping\",\"id\":\"trickle\",\"pad\":\"" + "x".repeat(40) + "\"}");

        for (int i = 0; i < frame.length && !c.isEof(); i++) {
            c.rawWrite(new byte[] {frame[i]});
            // The pace of the simulated slow link (one byte per TCP segment), not a wait for a result.
            TimeUnit.MILLISECONDS.sleep(5);
        }

        assertThat(c.awaitEof(TestClient.TIMEOUT)).as("the trickling connection is closed").isTrue();
        assertOtherClientsStillServed();
    }

    @Test
    void severalFramesInOneWriteAreAllAnsweredInOrderIncludingAfterABadPacket() {
        TestClient c = server.connect();

        c.rawWrite(concat(
                frame("{\"type\":\"ping\",\"id\":\"f1\"}"),
                frame("{\"type\":\"nope\",\"id\":\"f2\"}"),
                frame("{\"type\":\"ping\",\"id\":\"f3\"}"),
                new byte[] {0, 0}));
        c.rawWrite(concat(new byte[] {0, (byte) "{\"type\":\"ping\",\"id\":\"f4\"}".length()},
                "{\"type\":\"ping\",\"id\":\"f4\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(c.awaitReply("f1", TestClient.TIMEOUT)).isInstanceOf(Pong.class);
        assertThat(c.awaitReply("f2", TestClient.TIMEOUT)).isInstanceOf(ErrorReply.class);
        assertThat(c.awaitReply("f3", TestClient.TIMEOUT)).isInstanceOf(Pong.class);
        assertThat(c.awaitReply("f4", TestClient.TIMEOUT)).isInstanceOf(Pong.class);
        c.expect(Pong.class, new Ping(c.nextId()));
        assertOtherClientsStillServed();
    }
}
