package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.core.files.Reasons;
import org.qchat.client.core.files.TransferState;
import org.qchat.client.i18n.I18n;
import org.qchat.client.ui.media.TransferView;

class TransferBindingTest {

    private final TransferView view = new TransferView();

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void progressShowsAsTheShareDoneAndTheRate() {
        TransferBinding.show(TransferState.transferring(250, 1000, 4096), view);

        assertThat(view.phase()).isEqualTo(TransferView.Phase.TRANSFERRING);
        assertThat(view.fraction()).isEqualTo(0.25);
        assertThat(view.bytesPerSecond()).isEqualTo(4096);
    }

    @Test
    void aFileStillBeingMeasuredShowsNoProgressYet() {
        TransferBinding.show(TransferState.transferring(0, 0, 0), view);

        assertThat(view.phase()).isEqualTo(TransferView.Phase.TRANSFERRING);
        assertThat(view.fraction()).isZero();
    }

    @Test
    void doneShowsWhereTheFileIs() {
        Path file = Path.of("/downloads/report.pdf");
        TransferBinding.show(TransferState.done(file, 1000), view);

        assertThat(view.phase()).isEqualTo(TransferView.Phase.DONE);
        assertThat(view.path()).isEqualTo(file);
    }

    @Test
    void aFailureShowsItsReasonInTheUsersLanguage() {
        I18n.use(Locale.SIMPLIFIED_CHINESE);
        TransferBinding.show(TransferState.failed(Reasons.DOWNLOAD_FAILED, 10, 1000), view);

        assertThat(view.phase()).isEqualTo(TransferView.Phase.FAILED);
        assertThat(view.reason()).isEqualTo("下载中断，请重试。");
    }

    @Test
    void backToNotStartedAfterACancel() {
        TransferBinding.show(TransferState.transferring(250, 1000, 0), view);
        TransferBinding.show(TransferState.NOT_STARTED, view);

        assertThat(view.phase()).isEqualTo(TransferView.Phase.NOT_STARTED);
        assertThat(view.fraction()).isZero();
    }
}
