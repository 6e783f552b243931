package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.db.MessageIdCacheMigration;
import org.qchat.server.service.PasswordHasher;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.ServerHarness;
import org.qchat.server.testing.TestClient;

/**
 * A data dir written by the previous release — every message in the embedded H2 database's
 * {@code messages} table, built here with that release's schema (migrations 1 and 2) and the rows
 * it wrote — starts on this version with every message (msgId, seq, sender, clientMsgId, text,
 * time), every conversation's last seq and every cursor intact; new messages continue the seqs and
 * ids, old clientMsgIds are still recognised, and the old table is emptied once the log holds it all.
 */
class UpgradeFromPreviousReleaseTest {

    private static final String PASSWORD = TestClient.PASSWORD;
    private static final long TIME = 1_760_000_000_000L;
    private static final int PRIVATE_MESSAGES = 30;
    private static final int GROUP_MESSAGES = 3;

    @TempDir
    Path dataDir;

    @Test
    void aPreviousReleasesDataDirStartsWithEveryMessageSeqAndCursorIntact() throws SQLException {
        ServerConfig config = ServerConfig.builder().dataDir(dataDir).build();
        List<MessageInfo> privateMessages = new ArrayList<>();
        List<MessageInfo> groupMessages = new ArrayList<>();
        buildPreviousRelease(config, privateMessages, groupMessages);

        try (ServerHarness server = ServerHarness.start(Backend.EMBEDDED, b -> b.dataDir(dataDir))) {
            TestClient bob = server.login("bob", PASSWORD, "phone");
            List<ConversationInfo> conversations = bob.sync().conversations();
            assertThat(conversations).filteredOn(c -> c.convId() == 2).singleElement()
                    .satisfies(c -> {
                        assertThat(c.lastSeq()).isEqualTo(PRIVATE_MESSAGES);
                        assertThat(c.ackSeq()).as("the phone's cursor").isEqualTo(20);
                    });
            assertThat(conversations).filteredOn(c -> c.convId() == 3).singleElement()
                    .satisfies(c -> assertThat(c.lastSeq()).isEqualTo(GROUP_MESSAGES));
            assertThat(bob.pullAll(2, 0)).containsExactlyElementsOf(privateMessages);
            assertThat(bob.pullAll(3, 0)).containsExactlyElementsOf(groupMessages);
            assertThat(bob.history(2, 11L, 5).messages()).containsExactlyElementsOf(privateMessages.subList(5, 10));

            TestClient alice = server.login("alice", PASSWORD, "pc");
            MessageInfo old = privateMessages.get(1);
            assertThat(old.senderId()).isEqualTo(alice.userId());
            MessageSent resent = alice.sendText(2, old.clientMsgId(), old.text());
            assertThat(resent.msgId()).as("a resend of an imported message is recognised").isEqualTo(old.msgId());
            assertThat(resent.seq()).isEqualTo(2);
            MessageSent fresh = alice.sendText(2, "after-upgrade", "new");
            assertThat(fresh.seq()).isEqualTo(PRIVATE_MESSAGES + 1);
            assertThat(fresh.msgId()).isGreaterThan(groupMessages.get(GROUP_MESSAGES - 1).msgId());

            server.restart();
            TestClient again = server.login("bob", PASSWORD, "phone");
            assertThat(again.pullAll(2, 0)).hasSize(PRIVATE_MESSAGES + 1).startsWith(privateMessages.toArray(MessageInfo[]::new));
            server.stopServer();
            assertThat(countRows(config, "messages")).as("the old table, emptied").isZero();
            assertThat(countRows(config, "device_cursors")).isEqualTo(1);
        }
    }

    /**
     * What the previous release left: alice and bob (friends since the start: private conversation
     * 2), a group (conversation 3) of the two, messages in both, bob's phone cursor at 20.
     */
    private static void buildPreviousRelease(ServerConfig config, List<MessageInfo> privateMessages,
                                             List<MessageInfo> groupMessages) throws SQLException {
        String url = config.effectiveDbUrl();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .javaMigrations(new MessageIdCacheMigration()).target("2").load().migrate();
        String hash = new PasswordHasher().hash(PASSWORD);
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO users (id, username, username_lower, nickname, nickname_lower, signature, password_hash, created_at) "
                        + "VALUES (1, 'alice', 'alice', 'Alice', 'alice', '', '" + hash + "', 0), "
                        + "(2, 'bob', 'bob', 'Bob', 'bob', '', '" + hash + "', 0)");
                s.execute("INSERT INTO conversation_members (conv_id, user_id, from_seq) VALUES (1, 1, 1), (1, 2, 1)");
                s.execute("INSERT INTO conversations (id, kind, last_seq, user_lo, user_hi, created_at) "
                        + "VALUES (2, 'private', " + PRIVATE_MESSAGES + ", 1, 2, 0), (3, 'group', " + GROUP_MESSAGES + ", NULL, NULL, 0)");
                s.execute("INSERT INTO conversation_members (conv_id, user_id, from_seq) VALUES (2, 1, 1), (2, 2, 1), (3, 1, 1), (3, 2, 1)");
                s.execute("INSERT INTO friendships (user_id, friend_id, conv_id, created_at) VALUES (1, 2, 2, 0), (2, 1, 2, 0)");
                s.execute("INSERT INTO chat_groups (id, name, name_lower, join_policy, owner_id, created_at) "
                        + "VALUES (3, 'Team', 'team', 'open', 1, 0)");
                s.execute("INSERT INTO group_members (group_id, user_id, role, joined_at) VALUES (3, 1, 'owner', 0), (3, 2, 'member', 0)");
                s.execute("INSERT INTO device_cursors (user_id, device, conv_id, seq, updated_at) VALUES (2, 'phone', 2, 20, 0)");
            }
            // Interleaved as the old writer stored them: ids increase across both conversations.
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO messages "
                    + "(conv_id, seq, sender_id, client_msg_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int seq = 1; seq <= PRIVATE_MESSAGES; seq++) {
                    insertMessage(c, insert, 2, seq, seq % 2 + 1, "p-" + seq, "private " + seq + " 你好", privateMessages);
                    if (seq <= GROUP_MESSAGES) {
                        insertMessage(c, insert, 3, seq, 1, "g-" + seq, "group " + seq, groupMessages);
                    }
                }
            }
        }
    }

    private static void insertMessage(Connection c, PreparedStatement insert, long conv, long seq, long sender,
                                      String clientMsgId, String text, List<MessageInfo> out) throws SQLException {
        insert.setLong(1, conv);
        insert.setLong(2, seq);
        insert.setLong(3, sender);
        insert.setString(4, clientMsgId);
        insert.setString(5, text);
        insert.setLong(6, TIME + seq);
        insert.executeUpdate();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM messages WHERE conv_id = " + conv + " AND seq = " + seq)) {
            rs.next();
            out.add(new MessageInfo(rs.getLong(1), conv, seq, sender, clientMsgId, text, TIME + seq));
        }
    }

    private static long countRows(ServerConfig config, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(config.effectiveDbUrl());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
