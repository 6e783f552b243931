package org.qchat.client.ui.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class UriListTest {

    @Test
    void eachLineNamesAFile() {
        assertThat(UriList.files("file:///home/ann/a.pdf\r\nfile:///home/ann/b%20c.txt\r\n"))
                .containsExactly(Path.of("/home/ann/a.pdf"), Path.of("/home/ann/b c.txt"));
    }

    @Test
    void percentEncodedUtf8NamesAreDecoded() {
        assertThat(UriList.files("file:///tmp/%E7%85%A7%E7%89%87.jpg"))
                .containsExactly(Path.of("/tmp/照片.jpg"));
    }

    @Test
    void commentsBlankLinesAndBareLineFeedsAreFine() {
        assertThat(UriList.files("# copied by Nautilus\n\nfile:///a\nfile:///b"))
                .containsExactly(Path.of("/a"), Path.of("/b"));
    }

    @Test
    void localhostIsThisComputerAndOtherHostsAndWebLinksAreNotFiles() {
        assertThat(UriList.files("file://localhost/tmp/x\nfile://server/share/y\nhttps://example.org/z.png\n"
                + "not a uri at all\nfile:relative"))
                .containsExactly(Path.of("/tmp/x"));
    }

    @Test
    void javasOwnFileUrisWork() {
        Path file = Path.of("/tmp/qchat test/ä.txt");
        assertThat(UriList.files(file.toUri().toString())).containsExactly(file);
    }
}
