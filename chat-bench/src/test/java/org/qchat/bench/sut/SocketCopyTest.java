package org.qchat.bench.sut;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline's peer as W8 starts it: its own process, here on any CPU. */
class SocketCopyTest {

    @TempDir
    Path dir;

    @Test
    void copiesInAndOutAtOnceAndTheFileInHoldsWhatWasSent() throws Exception {
        byte[] bytes = new byte[3 * SocketCopy.PIECE + 5];
        new SplittableRandom(1).nextBytes(bytes);

        SocketCopy.Rates rates;
        try (SocketCopy copy = SocketCopy.start(null, dir.resolve("peer"), dir.resolve("peer.log"))) {
            rates = copy.both(bytes, Duration.ZERO);
        }

        assertThat(rates.copiesIn()).isEqualTo(1);
        assertThat(rates.copiesOut()).isEqualTo(1);
        assertThat(rates.inMBps()).isPositive();
        assertThat(rates.outMBps()).isPositive();
        assertThat(Files.readAllBytes(dir.resolve("peer").resolve("in.bin"))).isEqualTo(bytes);
        assertThat(Files.readAllBytes(dir.resolve("peer").resolve("out.bin"))).isEqualTo(bytes);
    }
}
