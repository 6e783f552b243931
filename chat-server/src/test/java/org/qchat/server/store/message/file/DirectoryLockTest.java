package org.qchat.server.store.message.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qchat.server.store.message.file.LogFixtures.SMALL_INDEX;
import static org.qchat.server.store.message.file.LogFixtures.TIME;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.server.config.Durability;
import org.qchat.server.store.message.MessageLog.Append;
import org.qchat.server.store.message.MessageLogException;
import org.qchat.server.testing.ChildJvm;

/** One log per directory: a second process, or a second open in this one, is told who has it. */
class DirectoryLockTest {

    @TempDir
    Path root;

    @Test
    void aSecondProcessIsRefusedTheDirectoryAndToldTheHoldersPid() throws Exception {
        Path d = root.resolve("held");
        try (ChildJvm holder = ChildJvm.start(LogWriterMain.class, "hold", d.toString())) {
            holder.awaitLine("OPEN");

            assertThatThrownBy(() -> SegmentedMessageLog.open(d, Durability.PROCESS))
                    .isInstanceOf(MessageLogException.class)
                    .hasMessage(d.toRealPath() + " is in use by another qchat server (pid " + holder.pid()
                            + "); stop it first or use another --data-dir");

            holder.closeInput();
            assertThat(holder.awaitExit()).isZero();
        }
        SegmentedMessageLog.open(d, Durability.PROCESS).close();
    }

    @Test
    void aSecondOpenInTheSameJvmIsRefusedWithoutLoosingTheFirstOnesLock() throws Exception {
        Path d = root.resolve("twice");
        try (SegmentedMessageLog first = SegmentedMessageLog.open(d, Durability.PROCESS, SMALL_INDEX)) {
            assertThatThrownBy(() -> SegmentedMessageLog.open(d, Durability.PROCESS))
                    .isInstanceOf(MessageLogException.class)
                    .hasMessage(d.toRealPath() + " is in use by another qchat server in this process (pid "
                            + ProcessHandle.current().pid() + "); stop it first or use another --data-dir");

            // Closing a second channel on LOCK would have dropped the first one's lock: check with another process.
            try (ChildJvm probe = ChildJvm.start(LogWriterMain.class, "probe", d.toString())) {
                assertThat(probe.awaitLine("REFUSED ")).contains("pid " + ProcessHandle.current().pid());
            }
            assertThat(first.append(List.of(new Append(1, 1, 1, "c", "still mine", TIME)))).hasSize(1);
        }
        SegmentedMessageLog.open(d, Durability.PROCESS).close();
    }
}
