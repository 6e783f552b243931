package org.qchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qchat.protocol.Frames.concat;
import static org.qchat.protocol.Frames.frame;

import java.nio.ByteBuffer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qchat.protocol.packet.Ping;
import org.qchat.protocol.packet.SendMessage;

/**
 * Well-framed JSON objects that are not valid packets: {@link PacketException} with BAD_REQUEST,
 * the frame consumed, and the request id recovered when the object had a usable one.
 */
class InvalidPacketTest {

    private static final String ID_64 = "i".repeat(64);
    private static final String ID_65 = "i".repeat(65);

    private final FrameCodec codec = new FrameCodec();

    /** A msg.send body with {@code fields} (a JSON fragment) after type and id. */
    private static String send(String fields) {
        return "{\"type\":\"msg.send\",\"id\":\"s-1\"," + fields + "}";
    }

    private static Arguments bad(String why, String json, String expectedRequestId) {
        return Arguments.of(why, json, expectedRequestId);
    }

    static Stream<Arguments> invalidPackets() {
        return Stream.of(
                // type
                bad("unknown type", "{\"type\":\"msg.delete\",\"id\":\"u-1\"}", "u-1"),
                bad("type in the wrong case", "{\"type\":\"PING\",\"id\":\"u-2\"}", "u-2"),
                bad("empty type", "{\"type\":\"\",\"id\":\"u-3\"}", "u-3"),
                bad("type with padding", "{\"type\":\" ping\",\"id\":\"u-4\"}", "u-4"),
                bad("unknown type, very long", "{\"type\":\"" + "x".repeat(5000) + "\",\"id\":\"u-5\"}", "u-5"),
                bad("missing type", "{\"id\":\"m-1\"}", "m-1"),
                bad("empty object", "{}", null),
                bad("type is a number", "{\"type\":5,\"id\":\"n-1\"}", "n-1"),
                bad("type is null", "{\"type\":null,\"id\":\"n-2\"}", "n-2"),
                bad("type is a boolean", "{\"type\":true,\"id\":\"n-3\"}", "n-3"),
                bad("type is an object", "{\"type\":{\"name\":\"ping\"},\"id\":\"n-4\"}", "n-4"),
                bad("type is an array", "{\"type\":[\"ping\"],\"id\":\"n-5\"}", "n-5"),
                // missing required fields
                bad("msg.send without text", send("\"convId\":1,\"clientMsgId\":\"c\""), "s-1"),
                bad("msg.send without clientMsgId", send("\"convId\":1,\"text\":\"t\""), "s-1"),
                bad("msg.send without convId", send("\"clientMsgId\":\"c\",\"text\":\"t\""), "s-1"),
                bad("msg.send with text null", send("\"convId\":1,\"clientMsgId\":\"c\",\"text\":null"), "s-1"),
                bad("msg.send with convId null", send("\"convId\":null,\"clientMsgId\":\"c\",\"text\":\"t\""), "s-1"),
                bad("login without password", "{\"type\":\"login\",\"id\":\"l-1\",\"protocol\":1,\"username\":\"a\"}", "l-1"),
                bad("login without protocol", "{\"type\":\"login\",\"id\":\"l-2\",\"username\":\"a\",\"password\":\"p\"}", "l-2"),
                bad("resume without token", "{\"type\":\"resume\",\"id\":\"l-3\",\"protocol\":1}", "l-3"),
                bad("friend.respond without accept", "{\"type\":\"friend.respond\",\"id\":\"f-1\",\"requestId\":7}", "f-1"),
                bad("group.invite without userIds", "{\"type\":\"group.invite\",\"id\":\"g-1\",\"groupId\":9}", "g-1"),
                bad("group.create without name", "{\"type\":\"group.create\",\"id\":\"g-2\",\"joinPolicy\":\"open\"}", "g-2"),
                bad("broadcast without text", "{\"type\":\"broadcast\",\"id\":\"b-1\",\"clientMsgId\":\"c\"}", "b-1"),
                // wrong JSON types
                bad("string for a long", send("\"convId\":\"1\",\"clientMsgId\":\"c\",\"text\":\"t\""), "s-1"),
                bad("float for a long", send("\"convId\":1.5,\"clientMsgId\":\"c\",\"text\":\"t\""), "s-1"),
                bad("integral float for a long", send("\"convId\":1.0,\"clientMsgId\":\"c\",\"text\":\"t\""), "s-1"),
                bad("exponent for a long", send("\"convId\":1e2,\"clientMsgId\":\"c\",\"text\":\"t\""), "s-1"),
                bad("boolean for a long", send("\"convId\":true,\"clientMsgId\":\"c\",\"text\":\"t\""), "s-1"),
                bad("long overflow", send("\"convId\":9223372036854775808,\"clientMsgId\":\"c\",\"text\":\"t\""), "s-1"),
                bad("int overflow", "{\"type\":\"login\",\"id\":\"l-4\",\"protocol\":2147483648,\"username\":\"a\",\"password\":\"p\"}", "l-4"),
                bad("string for an int", "{\"type\":\"login\",\"id\":\"l-5\",\"protocol\":\"1\",\"username\":\"a\",\"password\":\"p\"}", "l-5"),
                bad("string for an optional Integer", "{\"type\":\"msg.pull\",\"id\":\"p-1\",\"convId\":1,\"afterSeq\":0,\"limit\":\"5\"}", "p-1"),
                bad("number for a string", send("\"convId\":1,\"clientMsgId\":\"c\",\"text\":5"), "s-1"),
                bad("float for a string", send("\"convId\":1,\"clientMsgId\":\"c\",\"text\":1.5"), "s-1"),
                bad("boolean for a string", send("\"convId\":1,\"clientMsgId\":\"c\",\"text\":true"), "s-1"),
                bad("array for a string", send("\"convId\":1,\"clientMsgId\":\"c\",\"text\":[\"t\"]"), "s-1"),
                bad("object for a string", send("\"convId\":1,\"clientMsgId\":\"c\",\"text\":{\"t\":1}"), "s-1"),
                bad("string for a boolean", "{\"type\":\"friend.respond\",\"id\":\"f-2\",\"requestId\":7,\"accept\":\"true\"}", "f-2"),
                bad("number for a boolean", "{\"type\":\"friend.respond\",\"id\":\"f-3\",\"requestId\":7,\"accept\":1}", "f-3"),
                bad("string in a list of longs", "{\"type\":\"group.invite\",\"id\":\"g-3\",\"groupId\":9,\"userIds\":[43,\"44\"]}", "g-3"),
                bad("null in a list of longs", "{\"type\":\"group.invite\",\"id\":\"g-4\",\"groupId\":9,\"userIds\":[43,null]}", "g-4"),
                bad("number for a list", "{\"type\":\"group.invite\",\"id\":\"g-5\",\"groupId\":9,\"userIds\":43}", "g-5"),
                bad("enum constant name instead of wire name", "{\"type\":\"group.create\",\"id\":\"g-6\",\"name\":\"n\",\"joinPolicy\":\"OPEN\"}", "g-6"),
                bad("enum as ordinal", "{\"type\":\"group.create\",\"id\":\"g-7\",\"name\":\"n\",\"joinPolicy\":0}", "g-7"),
                bad("unknown error code", "{\"type\":\"error\",\"id\":\"e-1\",\"code\":\"OOPS\",\"message\":\"m\"}", "e-1"),
                bad("string for a nested Long", "{\"type\":\"sync.state\",\"id\":\"y-1\",\"conversations\":[{\"convId\":1,"
                        + "\"kind\":\"private\",\"peerId\":\"2\",\"lastSeq\":1,\"ackSeq\":1,\"active\":true}],\"serverTime\":1}", "y-1"),
                bad("number for a nested object", "{\"type\":\"msg\",\"message\":5}", null),
                // ranges
                bad("zero convId", send("\"convId\":0,\"clientMsgId\":\"c\",\"text\":\"t\""), "s-1"),
                bad("negative convId", send("\"convId\":-1,\"clientMsgId\":\"c\",\"text\":\"t\""), "s-1"),
                bad("zero userId", "{\"type\":\"user.block\",\"id\":\"r-1\",\"userId\":0}", "r-1"),
                bad("negative groupId", "{\"type\":\"group.get\",\"id\":\"r-2\",\"groupId\":-5}", "r-2"),
                bad("zero requestId", "{\"type\":\"friend.respond\",\"id\":\"r-3\",\"requestId\":0,\"accept\":true}", "r-3"),
                bad("zero kicked userId", "{\"type\":\"group.kick\",\"id\":\"r-4\",\"groupId\":9,\"userId\":0}", "r-4"),
                bad("minimum long groupId", "{\"type\":\"group.join\",\"id\":\"r-5\",\"groupId\":-9223372036854775808}", "r-5"),
                bad("msg.send of a system line", send("\"convId\":1,\"clientMsgId\":\"c\",\"text\":\"t\",\"kind\":\"system\""), "s-1"),
                bad("group.mute longer than 30 days", "{\"type\":\"group.mute\",\"id\":\"r-7\",\"groupId\":9,\"userId\":4,\"minutes\":43201}", "r-7"),
                bad("group.mute negative", "{\"type\":\"group.mute\",\"id\":\"r-8\",\"groupId\":9,\"userId\":4,\"minutes\":-1}", "r-8"),
                bad("group.notice without text", "{\"type\":\"group.notice\",\"id\":\"r-9\",\"groupId\":9}", "r-9"),
                bad("group.mute.all without muted", "{\"type\":\"group.mute.all\",\"id\":\"r-10\",\"groupId\":9}", "r-10"),
                bad("negative ack seq", "{\"type\":\"sync.ack\",\"id\":\"r-6\",\"convId\":1,\"seq\":-1}", "r-6"),
                bad("negative afterSeq", "{\"type\":\"msg.pull\",\"id\":\"r-7\",\"convId\":1,\"afterSeq\":-1}", "r-7"),
                // request id
                bad("request without id", "{\"type\":\"ping\"}", null),
                bad("request with id null", "{\"type\":\"ping\",\"id\":null}", null),
                bad("request with numeric id", "{\"type\":\"ping\",\"id\":5}", null),
                bad("request with boolean id", "{\"type\":\"ping\",\"id\":true}", null),
                bad("request with empty id: echoed as is (docs/protocol.md 4.9)", "{\"type\":\"ping\",\"id\":\"\"}", ""),
                bad("request with object id", "{\"type\":\"ping\",\"id\":{\"v\":\"1\"}}", null),
                bad("request with id of 65 chars", "{\"type\":\"ping\",\"id\":\"" + ID_65 + "\"}", null),
                bad("msg.send with id of 65 chars", "{\"type\":\"msg.send\",\"id\":\"" + ID_65
                        + "\",\"convId\":1,\"clientMsgId\":\"c\",\"text\":\"t\"}", null),
                bad("missing field, id of exactly 64 chars", "{\"type\":\"msg.send\",\"id\":\"" + ID_64
                        + "\",\"convId\":1,\"clientMsgId\":\"c\"}", ID_64),
                // text
                bad("lone high surrogate escape", send("\"convId\":1,\"clientMsgId\":\"c\",\"text\":\"a\\ud83d b\""), "s-1"),
                bad("lone low surrogate escape", send("\"convId\":1,\"clientMsgId\":\"c\",\"text\":\"\\ude00\""), "s-1"),
                bad("reversed surrogate pair escape", send("\"convId\":1,\"clientMsgId\":\"c\",\"text\":\"\\ude00\\ud83d\""), "s-1"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidPackets")
    void invalidPacketIsABadRequestCarryingTheRecoveredRequestId(String why, String json, String expectedRequestId) {
        ByteBuffer in = ByteBuffer.wrap(frame(json));

        assertThatThrownBy(() -> codec.decode(in))
                .isExactlyInstanceOf(PacketException.class)
                .satisfies(e -> {
                    PacketException pe = (PacketException) e;
                    assertThat(pe.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(pe.requestId()).isEqualTo(expectedRequestId);
                    assertThat(pe.getMessage()).isNotBlank().hasSizeLessThan(500);
                });
        assertThat(in.hasRemaining()).as("the rejected frame is consumed").isFalse();
    }

    @Test
    void messageNamesTheTypeAndTheOffendingField() {
        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(frame(send("\"convId\":\"1\",\"clientMsgId\":\"c\",\"text\":\"t\"")))))
                .isInstanceOf(PacketException.class)
                .hasMessageContaining("msg.send")
                .hasMessageContaining("convId");
        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(frame(send("\"convId\":1,\"clientMsgId\":\"c\"")))))
                .isInstanceOf(PacketException.class)
                .hasMessageContaining("text");
        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(frame("{\"type\":\"msg.delete\",\"id\":\"1\"}"))))
                .isInstanceOf(PacketException.class)
                .hasMessageContaining("msg.delete");
    }

    @Test
    void unknownTypeNameIsAbbreviatedInTheMessage() {
        String longName = "x".repeat(5000);
        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(frame("{\"type\":\"" + longName + "\",\"id\":\"1\"}"))))
                .isInstanceOf(PacketException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(longName));
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() throws Exception {
        String json = "{\"type\":\"msg.send\",\"id\":\"s-1\",\"convId\":1,\"clientMsgId\":\"c\",\"text\":\"t\","
                + "\"editOf\":77,\"attachments\":[{\"kind\":\"image\",\"size\":[1,2]}],\"flags\":null}";

        assertThat(codec.decode(ByteBuffer.wrap(frame(json)))).isEqualTo(new SendMessage("s-1", 1, "c", "t"));
    }

    @Test
    void fieldOrderDoesNotMatterAndTypeMayComeLast() throws Exception {
        String json = "{\"text\":\"t\",\"clientMsgId\":\"c\",\"convId\":1,\"id\":\"s-1\",\"type\":\"msg.send\"}";

        assertThat(codec.decode(ByteBuffer.wrap(frame(json)))).isEqualTo(new SendMessage("s-1", 1, "c", "t"));
    }

    @Test
    void badFrameFollowedByAGoodFrameYieldsAnErrorThenThePacket() throws Exception {
        byte[] bad = frame("{\"type\":\"no.such.type\",\"id\":\"x-1\"}");
        byte[] good = frame(WireVectors.PING);
        ByteBuffer in = ByteBuffer.wrap(concat(bad, good));

        assertThatThrownBy(() -> codec.decode(in))
                .isInstanceOfSatisfying(PacketException.class, e -> assertThat(e.requestId()).isEqualTo("x-1"));
        assertThat(in.position()).isEqualTo(bad.length);

        assertThat(codec.decode(in)).isEqualTo(new Ping("1"));
        assertThat(in.position()).isEqualTo(bad.length + good.length);
    }

    @Test
    void severalBadFramesInARowAreEachConsumedExactly() throws Exception {
        byte[] missingField = frame(send("\"convId\":1,\"clientMsgId\":\"c\""));
        byte[] wrongType = frame("{\"type\":\"user.block\",\"id\":\"r-2\",\"userId\":\"43\"}");
        byte[] noId = frame("{\"type\":\"logout\"}");
        byte[] good = frame(WireVectors.MSG_SEND);
        ByteBuffer in = ByteBuffer.wrap(concat(missingField, wrongType, noId, good));

        assertThatThrownBy(() -> codec.decode(in))
                .isInstanceOfSatisfying(PacketException.class, e -> assertThat(e.requestId()).isEqualTo("s-1"));
        assertThat(in.position()).isEqualTo(missingField.length);
        assertThatThrownBy(() -> codec.decode(in))
                .isInstanceOfSatisfying(PacketException.class, e -> assertThat(e.requestId()).isEqualTo("r-2"));
        assertThat(in.position()).isEqualTo(missingField.length + wrongType.length);
        assertThatThrownBy(() -> codec.decode(in))
                .isInstanceOfSatisfying(PacketException.class, e -> assertThat(e.requestId()).isNull());

        assertThat(codec.decode(in)).isEqualTo(WireVectors.BY_TYPE.get(SendMessage.class).packet());
        assertThat(in.hasRemaining()).isFalse();
    }
}
