package org.qchat.client.ui.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveAsTest {

    @TempDir
    Path dir;

    @Test
    void theOriginalBytesArriveWhereTheUserAsked() throws IOException {
        byte[] bytes = new byte[300_000];
        new Random(1).nextBytes(bytes);
        Path original = Files.write(dir.resolve("cache-blob"), bytes);
        Path target = dir.resolve("holiday.jpg");

        SaveAs.write(original, target);

        assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
        assertThat(names()).containsExactlyInAnyOrder("cache-blob", "holiday.jpg");
    }

    @Test
    void anExistingFileIsReplacedWhole() throws IOException {
        Path original = Files.writeString(dir.resolve("new"), "new contents");
        Path target = Files.writeString(dir.resolve("report.pdf"), "old contents that were longer");

        SaveAs.write(original, target);

        assertThat(Files.readString(target)).isEqualTo("new contents");
    }

    @Test
    void aFailedCopyLeavesNoPartAndNoHalfFileBehind() throws IOException {
        Path target = Files.writeString(dir.resolve("report.pdf"), "keep me");

        assertThatThrownBy(() -> SaveAs.write(dir.resolve("gone"), target)).isInstanceOf(UncheckedIOException.class);

        assertThat(Files.readString(target)).isEqualTo("keep me");
        assertThat(names()).containsExactly("report.pdf");
    }

    @Test
    void reasonsAreWordsNotPaths() {
        assertThat(SaveAs.reason(new CompletionException(new UncheckedIOException(new AccessDeniedException("/x")))))
                .isEqualTo("permission denied");
        assertThat(SaveAs.reason(new UncheckedIOException(new NoSuchFileException("/x"))))
                .isEqualTo("the file or its folder is gone");
        assertThat(SaveAs.reason(new UncheckedIOException(
                new java.nio.file.FileSystemException("/x", null, "No space left on device"))))
                .isEqualTo("No space left on device");
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
