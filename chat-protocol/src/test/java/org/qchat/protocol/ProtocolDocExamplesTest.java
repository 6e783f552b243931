package org.qchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.qchat.protocol.packet.ErrorReply;

/**
 * Checks the example frames of docs/protocol.md against the real codec, so the document cannot
 * drift from the code.
 *
 * <p>The document is generated; before every hex example it carries a marker saying what the codec
 * makes of the frame:
 * <pre>
 *   &lt;!-- qchat-frame: decodes --&gt;                          a valid packet
 *   &lt;!-- qchat-frame: packet-error BAD_REQUEST id=13 --&gt;   rejected, connection stays (id=none: no id)
 *   &lt;!-- qchat-frame: frame-error BAD_REQUEST --&gt;         fatal: the body cannot be read
 *   &lt;!-- qchat-frame: header-only TOO_LARGE --&gt;           only a length prefix, rejected as such
 *   &lt;!-- qchat-frame: chunk upload transfer=7 offset=0 --&gt;  a binary data frame (no JSON block)
 * </pre>
 * followed by a {@code **direction** — N-byte body} line, a {@code ```json} block with the body as text
 * (not for header-only examples) and a {@code ```text} block with the hex dump (a {@code len} line with
 * the 4-byte prefix, then 16 bytes a line: offset, hex, ASCII column). Each packet type's single-body
 * example (JSON only, no hex) is preceded by {@code <!-- qchat-example: TYPE -->}.
 */
class ProtocolDocExamplesTest {

    private static final Pattern FRAME_MARKER = Pattern.compile("^<!-- qchat-frame: (.+) -->$");
    private static final Pattern PACKET_ERROR = Pattern.compile("^packet-error ([A-Z_]+) id=(.+)$");
    private static final Pattern FRAME_ERROR = Pattern.compile("^frame-error ([A-Z_]+)$");
    private static final Pattern HEADER_ONLY = Pattern.compile("^header-only ([A-Z_]+)$");
    private static final Pattern CHUNK = Pattern.compile("^chunk (upload|download) transfer=(\\d+) offset=(\\d+)$");
    private static final Pattern EXAMPLE_MARKER = Pattern.compile("^<!-- qchat-example: ([\\w.]+) -->$");
    private static final Pattern DIRECTION = Pattern.compile("^\\*\\*(.+?)\\*\\* — (?:(\\d+)-byte body|.*)$");
    private static final Pattern LEN_LINE = Pattern.compile("^len  ((?:[0-9a-f]{2} ){4}) +\\(= (-?\\d+)\\)$");
    private static final Pattern HEX_LINE = Pattern.compile("^([0-9a-f]{4}) (.{49}) (.*)$");
    private static final int MIN_FRAME_EXAMPLES = 30;

    private final FrameCodec codec = new FrameCodec();

    /** One hex example of the document. */
    record FrameExample(int line, String direction, String outcome, Integer statedBodyLength, String json, byte[] frame) {

        boolean headerOnly() {
            return outcome.startsWith("header-only");
        }

        String name() {
            return "protocol.md:" + line + " " + direction + " [" + outcome + "]";
        }
    }

    /** One JSON-only example of a packet type. */
    record BodyExample(int line, String type, String json) {
    }

    // ---------------------------------------------------------------- the hex examples

    @Test
    void theDocumentHasEnoughHexExamplesAndEveryOneIsMarked() {
        List<String> lines = docLines();
        List<FrameExample> examples = frameExamples(lines);
        assertThat(examples)
                .as("hex example frames found in docs/protocol.md (markers '<!-- qchat-frame: ... -->')")
                .hasSizeGreaterThanOrEqualTo(MIN_FRAME_EXAMPLES);
        long hexDumps = lines.stream().filter(l -> LEN_LINE.matcher(l).matches()).count();
        assertThat(examples)
                .as("every hex dump in the document must be preceded by a qchat-frame marker, or this test would skip it")
                .hasSize((int) hexDumps);
        assertThat(examples).filteredOn(e -> e.outcome().equals("decodes")).hasSizeGreaterThanOrEqualTo(MIN_FRAME_EXAMPLES);
    }

    @TestFactory
    Stream<DynamicTest> everyHexExampleMatchesItsJsonAndTheCodec() {
        List<FrameExample> examples = frameExamples(docLines());
        assertThat(examples).hasSizeGreaterThanOrEqualTo(MIN_FRAME_EXAMPLES);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            FrameExample example = examples.get(i);
            FrameExample next = i + 1 < examples.size() ? examples.get(i + 1) : null;
            tests.add(DynamicTest.dynamicTest(example.name(), () -> check(example, next)));
        }
        return tests.stream();
    }

    private void check(FrameExample example, FrameExample next) throws Exception {
        byte[] frame = example.frame();
        assertThat(frame).as("length prefix").hasSizeGreaterThanOrEqualTo(FrameCodec.HEADER_LENGTH);
        int declared = ByteBuffer.wrap(frame, 0, FrameCodec.HEADER_LENGTH).getInt();

        if (example.headerOnly()) {
            assertThat(frame).as("a header-only example shows just the 4 length bytes").hasSize(FrameCodec.HEADER_LENGTH);
            assertThat(example.json()).as("a header-only example has no body").isNull();
            Matcher m = HEADER_ONLY.matcher(example.outcome());
            assertThat(m.matches()).as("marker " + example.outcome()).isTrue();
            ErrorCode code = ErrorCode.valueOf(m.group(1));
            assertThatThrownBy(() -> codec.completeFrameLength(ByteBuffer.wrap(frame)))
                    .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(code));
            assertServerAnswers(next, null, code);
            return;
        }

        byte[] body = java.util.Arrays.copyOfRange(frame, FrameCodec.HEADER_LENGTH, frame.length);
        assertThat(declared).as("the 4-byte length prefix equals the body length").isEqualTo(body.length);
        assertThat(example.statedBodyLength()).as("the 'N-byte body' caption").isEqualTo(body.length);
        Matcher chunk = CHUNK.matcher(example.outcome());
        if (chunk.matches()) {
            assertThat(example.json()).as("a data frame has no JSON").isNull();
            Packet packet = codec.decode(ByteBuffer.wrap(frame));
            assertThat(packet).isInstanceOfSatisfying(FileChunk.class, c -> {
                assertThat(c.direction()).isEqualTo(FileChunk.Direction.valueOf(chunk.group(1).toUpperCase(java.util.Locale.ROOT)));
                assertThat(c.transferId()).isEqualTo(Long.parseLong(chunk.group(2)));
                assertThat(c.offset()).isEqualTo(Long.parseLong(chunk.group(3)));
                byte[] data = new byte[c.length()];
                c.data().duplicate().get(data);
                assertThat(FileChunk.frame(c.direction(), c.transferId(), c.offset(), data, 0, data.length))
                        .as("re-encoding the data frame").isEqualTo(frame);
            });
            return;
        }
        assertThat(example.json()).as("the JSON shown for the frame").isNotNull();
        assertThat(body)
                .as("the body bytes are exactly the UTF-8 of the JSON shown: %s", example.json())
                .isEqualTo(example.json().getBytes(StandardCharsets.UTF_8));

        String outcome = example.outcome();
        if (outcome.equals("decodes")) {
            ByteBuffer in = ByteBuffer.wrap(frame);
            Packet packet = codec.decode(in);
            assertThat(packet).as("FrameCodec decodes the whole frame").isNotNull();
            assertThat(in.remaining()).as("bytes left after the frame").isZero();
            assertThat(codec.encode(packet)).as("re-encoding %s", packet).isEqualTo(frame);
            assertThat(codec.mapper().read(body)).isEqualTo(packet);
            return;
        }

        Matcher packetError = PACKET_ERROR.matcher(outcome);
        if (packetError.matches()) {
            ErrorCode code = ErrorCode.valueOf(packetError.group(1));
            String id = packetError.group(2).equals("none") ? null : packetError.group(2);
            ByteBuffer in = ByteBuffer.wrap(frame);
            assertThatThrownBy(() -> codec.decode(in))
                    .as("the codec rejects this packet, as the document says")
                    .isInstanceOfSatisfying(PacketException.class, e -> {
                        assertThat(e.code()).isEqualTo(code);
                        assertThat(e.requestId()).as("request id recovered from the rejected packet").isEqualTo(id);
                    });
            assertThat(in.remaining()).as("a rejected packet's frame is consumed; the stream goes on").isZero();
            assertServerAnswers(next, id, code);
            return;
        }

        Matcher frameError = FRAME_ERROR.matcher(outcome);
        if (frameError.matches()) {
            ErrorCode code = ErrorCode.valueOf(frameError.group(1));
            assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(frame)))
                    .as("the codec treats this body as a broken frame, as the document says")
                    .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(code));
            assertServerAnswers(next, null, code);
            return;
        }
        fail("unknown marker outcome '" + outcome + "' at " + example.name());
    }

    /** The example after a rejected frame is the server's error reply: same code, same (or no) id. */
    private void assertServerAnswers(FrameExample next, String id, ErrorCode code) throws Exception {
        assertThat(next).as("the server's error reply after a rejected frame").isNotNull();
        assertThat(next.outcome()).isEqualTo("decodes");
        Packet reply = codec.decode(ByteBuffer.wrap(next.frame()));
        assertThat(reply).isInstanceOfSatisfying(ErrorReply.class, error -> {
            assertThat(error.code()).as("error code shown after the rejected frame").isEqualTo(code);
            assertThat(error.id()).as("error id shown after the rejected frame").isEqualTo(id);
        });
    }

    // ---------------------------------------------------------------- the per-type JSON examples

    @Test
    void everyPacketTypeHasAJsonExampleThatRoundTrips() throws Exception {
        List<BodyExample> examples = bodyExamples(docLines());
        Set<String> types = new LinkedHashSet<>();
        for (BodyExample example : examples) {
            byte[] body = example.json().getBytes(StandardCharsets.UTF_8);
            Packet packet = codec.mapper().read(body);
            assertThat(packet.type()).as("type of the example at protocol.md:%d", example.line()).isEqualTo(example.type());
            assertThat(codec.mapper().write(packet))
                    .as("re-encoding the example at protocol.md:%d: %s", example.line(), example.json())
                    .isEqualTo(body);
            types.add(example.type());
        }
        List<String> registered = PacketRegistry.all().stream().map(PacketRegistry::typeOf).toList();
        assertThat(types).as("packet types with a JSON example in docs/protocol.md")
                .containsExactlyInAnyOrderElementsOf(registered);
    }

    // ---------------------------------------------------------------- parsing

    static Path docPath() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("docs").resolve("protocol.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("no docs/protocol.md in " + dir + " or any parent directory");
    }

    static List<String> docLines() {
        try {
            return Files.readAllLines(docPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<FrameExample> frameExamples(List<String> lines) {
        List<FrameExample> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = FRAME_MARKER.matcher(lines.get(i));
            if (!marker.matches()) {
                continue;
            }
            int markerLine = i + 1;
            String outcome = marker.group(1).trim();
            Matcher direction = DIRECTION.matcher(lines.get(++i));
            if (!direction.matches()) {
                throw new AssertionError("protocol.md:" + (i + 1) + ": expected '**direction** — ...' after the marker");
            }
            Integer stated = direction.group(2) == null ? null : Integer.valueOf(direction.group(2));
            String json = null;
            int j = i + 1;
            while (j < lines.size() && lines.get(j).isBlank()) {
                j++;
            }
            if (j < lines.size() && lines.get(j).equals("```json")) {
                List<String> block = fence(lines, j);
                json = String.join("\n", block);
                j += block.size() + 2;
                while (j < lines.size() && lines.get(j).isBlank()) {
                    j++;
                }
            }
            if (j >= lines.size() || !lines.get(j).equals("```text")) {
                throw new AssertionError("protocol.md:" + (j + 1) + ": expected the ```text hex dump of the example marked at line "
                        + markerLine);
            }
            List<String> hex = fence(lines, j);
            out.add(new FrameExample(markerLine, direction.group(1), outcome, stated, json, parseHex(hex, j + 2)));
            i = j + hex.size() + 1;
        }
        return out;
    }

    static List<BodyExample> bodyExamples(List<String> lines) {
        List<BodyExample> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = EXAMPLE_MARKER.matcher(lines.get(i));
            if (!marker.matches()) {
                continue;
            }
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).equals("```json")) {
                if (lines.get(j).startsWith("```") || lines.get(j).startsWith("<!--") || lines.get(j).startsWith("#")) {
                    throw new AssertionError("protocol.md:" + (i + 1) + ": no ```json block after the example marker");
                }
                j++;
            }
            List<String> block = fence(lines, j);
            out.add(new BodyExample(i + 1, marker.group(1), String.join("\n", block)));
            i = j + block.size() + 1;
        }
        return out;
    }

    /** The lines inside the fenced block opening at {@code open}. */
    private static List<String> fence(List<String> lines, int open) {
        List<String> block = new ArrayList<>();
        for (int k = open + 1; k < lines.size(); k++) {
            if (lines.get(k).equals("```")) {
                return block;
            }
            block.add(lines.get(k));
        }
        throw new AssertionError("protocol.md:" + (open + 1) + ": unterminated code block");
    }

    /**
     * Reads a hex dump: the {@code len} line (4 bytes and their decimal value), then lines of
     * {@code offset, 16 hex bytes (extra space after 8), ASCII column}. Checks offsets, the decimal
     * value and the ASCII column on the way.
     */
    static byte[] parseHex(List<String> dump, int firstLine) {
        if (dump.isEmpty()) {
            throw new AssertionError("protocol.md:" + firstLine + ": empty hex dump");
        }
        Matcher len = LEN_LINE.matcher(dump.get(0));
        if (!len.matches()) {
            throw new AssertionError("protocol.md:" + firstLine + ": bad length line: " + dump.get(0));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String b : len.group(1).trim().split(" ")) {
            out.write(Integer.parseInt(b, 16));
        }
        int declared = ByteBuffer.wrap(out.toByteArray()).getInt();
        assertThat(declared).as("protocol.md:%d: '(= n)' matches the length bytes", firstLine)
                .isEqualTo(Integer.parseInt(len.group(2)));
        int offset = 0;
        for (int k = 1; k < dump.size(); k++) {
            String line = dump.get(k);
            Matcher m = HEX_LINE.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("protocol.md:" + (firstLine + k) + ": bad hex line: " + line);
            }
            assertThat(Integer.parseInt(m.group(1), 16)).as("protocol.md:%d: offset", firstLine + k).isEqualTo(offset);
            StringBuilder ascii = new StringBuilder();
            String[] tokens = m.group(2).trim().split(" +");
            for (String token : tokens) {
                int b = Integer.parseInt(token, 16);
                out.write(b);
                ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                offset++;
            }
            assertThat(m.group(3)).as("protocol.md:%d: ASCII column", firstLine + k).isEqualTo(ascii.toString());
            if (k < dump.size() - 1) {
                assertThat(tokens).as("protocol.md:%d: only the last line may be short", firstLine + k).hasSize(16);
            }
        }
        return out.toByteArray();
    }
}
