package org.qchat.bench.jmh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.agrona.collections.Long2LongHashMap;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.store.message.MessageLog;
import org.qchat.server.store.message.MessageLogException;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The message store's operations on RocksDB, for {@link StoreBenchmark} only: what the segmented log
 * is measured against. One keyspace, big-endian keys so that they sort by number:
 * <pre>
 * 'm' convId seq            -> msgId senderId time clientMsgIdLength(2) clientMsgId text
 * 'c' senderId clientMsgId  -> convId seq
 * </pre>
 * Tables have a Bloom filter and a 64 MiB block cache; the rest is RocksDB's defaults.
 * An append is one {@link WriteBatch} with the write-ahead log on and {@code sync=false} (like the
 * segmented log's {@code PROCESS} durability: it survives {@code kill -9}, not a power loss). A
 * history page is an iterator seek and a walk; a duplicate check is one multi-get of the client keys
 * and one of the messages they point to. Heads and the last msgId are kept in memory only, as the
 * benchmark never reopens the store.
 *
 * <p>Threads: as {@link MessageLog} says; RocksDB itself is thread-safe.
 */
final class RocksMessageLog implements MessageLog {

    private static final byte MESSAGE = 'm';
    private static final byte CLIENT = 'c';

    static {
        RocksDB.loadLibrary();
    }

    private final Options options;
    private final WriteOptions writeOptions;
    private final RocksDB db;
    private final Long2LongHashMap heads = new Long2LongHashMap(0);
    private long lastMsgId;

    RocksMessageLog(Path dir) {
        // A Bloom filter per table, as any point-lookup workload would configure: without one, every
        // fresh clientMsgId (the common case) reads index blocks of every level to prove it absent.
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setFilterPolicy(new BloomFilter(10))
                .setBlockCache(new LRUCache(64L * 1024 * 1024));
        options = new Options().setCreateIfMissing(true).setIncreaseParallelism(2).setTableFormatConfig(table);
        writeOptions = new WriteOptions().setSync(false).setDisableWAL(false);
        try {
            db = RocksDB.open(options, dir.toString());
        } catch (RocksDBException e) {
            throw new MessageLogException("rocksdb: " + e.getMessage(), e);
        }
    }

    @Override
    public void forEachHead(HeadVisitor visitor) {
        synchronized (heads) {
            heads.forEachLong(visitor::head);
        }
    }

    @Override
    public List<MessageInfo> append(List<Append> batch) {
        List<MessageInfo> stored = new ArrayList<>(batch.size());
        try (WriteBatch write = new WriteBatch()) {
            long id = lastMsgId;
            for (Append a : batch) {
                MessageInfo m = new MessageInfo(++id, a.convId(), a.seq(), a.senderId(), a.clientMsgId(), a.text(), a.time());
                write.put(messageKey(m.convId(), m.seq()), value(m));
                write.put(clientKey(m.senderId(), m.clientMsgId()), ByteBuffer.allocate(16).putLong(m.convId()).putLong(m.seq()).array());
                stored.add(m);
            }
            db.write(writeOptions, write);
            lastMsgId = id;
        } catch (RocksDBException e) {
            throw new MessageLogException("rocksdb: " + e.getMessage(), e);
        }
        synchronized (heads) {
            for (MessageInfo m : stored) {
                heads.put(m.convId(), Math.max(heads.get(m.convId()), m.seq()));
            }
        }
        return stored;
    }

    @Override
    public Map<ClientKey, MessageInfo> findByClientIds(Collection<ClientKey> keys) {
        List<ClientKey> asked = List.copyOf(keys);
        List<byte[]> clientKeys = new ArrayList<>(asked.size());
        for (ClientKey k : asked) {
            clientKeys.add(clientKey(k.senderId(), k.clientMsgId()));
        }
        Map<ClientKey, MessageInfo> found = new HashMap<>();
        try {
            List<byte[]> places = db.multiGetAsList(clientKeys);
            List<ClientKey> hits = new ArrayList<>();
            List<byte[]> messageKeys = new ArrayList<>();
            for (int i = 0; i < places.size(); i++) {
                if (places.get(i) != null) {
                    ByteBuffer place = ByteBuffer.wrap(places.get(i));
                    hits.add(asked.get(i));
                    messageKeys.add(messageKey(place.getLong(), place.getLong()));
                }
            }
            if (hits.isEmpty()) {
                return found;
            }
            List<byte[]> values = db.multiGetAsList(messageKeys);
            for (int i = 0; i < hits.size(); i++) {
                ByteBuffer key = ByteBuffer.wrap(messageKeys.get(i));
                key.get();
                found.put(hits.get(i), message(key.getLong(), key.getLong(), values.get(i)));
            }
            return found;
        } catch (RocksDBException e) {
            throw new MessageLogException("rocksdb: " + e.getMessage(), e);
        }
    }

    @Override
    public List<MessageInfo> range(long convId, long fromSeq, long toSeq, int limit) {
        List<MessageInfo> page = new ArrayList<>(Math.max(0, Math.min(limit, 1024)));
        if (fromSeq > toSeq || limit <= 0) {
            return page;
        }
        try (ReadOptions read = new ReadOptions(); RocksIterator it = db.newIterator(read)) {
            for (it.seek(messageKey(convId, fromSeq)); it.isValid() && page.size() < limit; it.next()) {
                ByteBuffer key = ByteBuffer.wrap(it.key());
                if (key.get() != MESSAGE || key.getLong() != convId) {
                    break;
                }
                long seq = key.getLong();
                if (seq > toSeq) {
                    break;
                }
                page.add(message(convId, seq, it.value()));
            }
        }
        return page;
    }

    @Override
    public boolean erase(long convId, long seq) {
        try {
            byte[] key = messageKey(convId, seq);
            byte[] value = db.get(key);
            if (value == null) {
                return false;
            }
            MessageInfo m = message(convId, seq, value);
            db.put(writeOptions, key, value(new MessageInfo(m.msgId(), convId, seq, m.senderId(), m.clientMsgId(), "", m.time())));
            return true;
        } catch (RocksDBException e) {
            throw new MessageLogException("rocksdb: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        db.close();
        writeOptions.close();
        options.close();
    }

    private static byte[] messageKey(long convId, long seq) {
        return ByteBuffer.allocate(17).put(MESSAGE).putLong(convId).putLong(seq).array();
    }

    private static byte[] clientKey(long senderId, String clientMsgId) {
        byte[] id = clientMsgId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(9 + id.length).put(CLIENT).putLong(senderId).put(id).array();
    }

    private static byte[] value(MessageInfo m) {
        byte[] clientMsgId = m.clientMsgId().getBytes(StandardCharsets.UTF_8);
        byte[] text = m.text().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(26 + clientMsgId.length + text.length)
                .putLong(m.msgId()).putLong(m.senderId()).putLong(m.time())
                .putShort((short) clientMsgId.length).put(clientMsgId).put(text).array();
    }

    private static MessageInfo message(long convId, long seq, byte[] value) {
        ByteBuffer v = ByteBuffer.wrap(value);
        long msgId = v.getLong();
        long senderId = v.getLong();
        long time = v.getLong();
        int clientLength = v.getShort();
        String clientMsgId = new String(value, 26, clientLength, StandardCharsets.UTF_8);
        String text = new String(value, 26 + clientLength, value.length - 26 - clientLength, StandardCharsets.UTF_8);
        return new MessageInfo(msgId, convId, seq, senderId, clientMsgId, text, time);
    }
}
