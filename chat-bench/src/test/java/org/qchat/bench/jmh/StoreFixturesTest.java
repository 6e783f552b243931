package org.qchat.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.store.message.MessageLog.Append;
import org.qchat.server.store.message.MessageLog.ClientKey;

/** {@link StoreBenchmark} compares stores only if each one does what the benchmark asks of it. */
class StoreFixturesTest {

    private static final long[] CONVERSATIONS = {10_001, 10_002};
    private static final long[] USERS = {20_001, 20_002};

    @ParameterizedTest
    @ValueSource(strings = {"segmented-process", "segmented-power", "h2", "rocksdb", "postgres"})
    void everyStoreAppendsFindsReadsPagesAndErasesAndLeavesNoFilesBehind(String store) throws Exception {
        Assumptions.assumeTrue(!store.equals("postgres") || System.getenv(StoreFixture.PG_URL) != null,
                "store=postgres needs " + StoreFixture.PG_URL);
        StoreFixture fixture = StoreFixture.open(store, CONVERSATIONS, USERS);
        try {
            List<Append> batch = new ArrayList<>();
            for (long seq = 1; seq <= 30; seq++) {
                batch.add(new Append(10_001, seq, 20_001, StoreBenchmark.clientId(seq), "text " + seq, seq));
                batch.add(new Append(10_002, seq, 20_002, StoreBenchmark.clientId(100 + seq), "other " + seq, seq));
            }
            List<MessageInfo> stored = fixture.log.append(batch);

            assertThat(stored).extracting(MessageInfo::msgId).isSorted().doesNotHaveDuplicates();
            Map<ClientKey, MessageInfo> found = fixture.log.findByClientIds(List.of(
                    new ClientKey(20_001, StoreBenchmark.clientId(5)), new ClientKey(20_001, StoreBenchmark.clientId(999))));
            assertThat(found).containsOnlyKeys(new ClientKey(20_001, StoreBenchmark.clientId(5)));
            assertThat(fixture.log.range(10_001, 11, 1_000, 5)).extracting(MessageInfo::text)
                    .containsExactly("text 11", "text 12", "text 13", "text 14", "text 15");
            assertThat(fixture.log.range(10_001, 28, 1_000, 50)).extracting(MessageInfo::seq).containsExactly(28L, 29L, 30L);
            assertThat(fixture.log.erase(10_002, 3)).isTrue();
            assertThat(fixture.log.range(10_002, 3, 3, 1).get(0).text()).isEmpty();
        } finally {
            fixture.close();
        }
        assertThat(fixture.dir()).doesNotExist();
    }

    @Test
    void clientIdsAreUuidShapedAndUniquePerNumber() {
        Set<String> ids = new HashSet<>();
        for (long n = 0; n < 100_000; n++) {
            ids.add(StoreBenchmark.clientId(n));
        }

        assertThat(ids).hasSize(100_000);
        assertThat(StoreBenchmark.clientId(0)).isEqualTo("6f1c2a9e-4b7d-4e8a-9a51-000000000000");
        assertThat(StoreBenchmark.clientId(0xabcdef)).isEqualTo("6f1c2a9e-4b7d-4e8a-9a51-000000abcdef");
    }

    @Test
    void theChatStateSendsRoundRobinWithGaplessSeqsPerConversation() {
        StoreBenchmark.Chat chat = new StoreBenchmark.Chat();

        List<Append> first = chat.nextBatch(StoreBenchmark.CONVERSATIONS + 1);

        assertThat(first.get(0).convId()).isEqualTo(StoreBenchmark.FIRST_CONVERSATION);
        assertThat(first.get(0).seq()).isEqualTo(1);
        assertThat(first.get(StoreBenchmark.CONVERSATIONS).convId()).isEqualTo(StoreBenchmark.FIRST_CONVERSATION);
        assertThat(first.get(StoreBenchmark.CONVERSATIONS).seq()).isEqualTo(2);
        assertThat(first.get(1).senderId()).isEqualTo(StoreBenchmark.FIRST_USER + 1);
        assertThat(first.get(0).text().getBytes(StandardCharsets.UTF_8)).hasSize(200);
    }
}
