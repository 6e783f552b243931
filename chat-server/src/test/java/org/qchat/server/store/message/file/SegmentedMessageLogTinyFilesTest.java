package org.qchat.server.store.message.file;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.qchat.server.config.Durability;
import org.qchat.server.store.message.MessageLog;
import org.qchat.server.store.message.MessageLogContract;

/**
 * The {@link MessageLogContract} again with segments of 512 bytes and index tables of 8 slots, so
 * that every case crosses segment rolls and index generations, and reopens replay across them.
 */
class SegmentedMessageLogTinyFilesTest extends MessageLogContract {

    private static final LogOptions TINY = new LogOptions(512, 8);

    @TempDir
    Path dir;

    @Override
    protected MessageLog open() {
        return SegmentedMessageLog.open(dir, Durability.PROCESS, TINY);
    }

    @Override
    protected MessageLog reopen() {
        log.close();
        return open();
    }
}
