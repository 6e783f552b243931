package org.qchat.client.ui.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.swing.event.ChangeListener;

import org.junit.jupiter.api.Test;

class TransferViewTest {

    @Test
    void aNewViewHasNotStartedAndADoneOneHasItsFile() {
        assertThat(new TransferView().phase()).isEqualTo(TransferView.Phase.NOT_STARTED);
        TransferView done = TransferView.done(Path.of("/tmp/a.pdf"));
        assertThat(done.phase()).isEqualTo(TransferView.Phase.DONE);
        assertThat(done.path()).isEqualTo(Path.of("/tmp/a.pdf"));
        assertThat(done.fraction()).isEqualTo(1);
    }

    @Test
    void listenersHearEachChangeOnceAndNothingWhenNothingChanged() {
        TransferView view = new TransferView();
        List<String> heard = new ArrayList<>();
        view.addChangeListener(e -> heard.add(view.toString()));

        view.setTransferring(0.5, 1000);
        view.setTransferring(0.5, 1000);
        view.setTransferring(0.6, 1000);
        view.setFailed("Connection lost");
        view.setFailed("Connection lost");
        view.setDone(Path.of("/tmp/x"));
        view.setNotStarted();

        assertThat(heard).containsExactly("TRANSFERRING(0.5, 1000 B/s)", "TRANSFERRING(0.6, 1000 B/s)",
                "FAILED(Connection lost)", "DONE(/tmp/x)", "NOT_STARTED");
    }

    @Test
    void progressIsKeptBetweenZeroAndOne() {
        TransferView view = new TransferView();
        view.setTransferring(1.7, -5);
        assertThat(view.fraction()).isEqualTo(1);
        assertThat(view.bytesPerSecond()).isZero();
        view.setTransferring(Double.NaN, 0);
        assertThat(view.fraction()).isZero();
    }

    @Test
    void aFailureRemembersHowFarItGotAndWhy() {
        TransferView view = new TransferView();
        view.setTransferring(0.4, 100);
        view.setFailed(null);
        assertThat(view.fraction()).isEqualTo(0.4);
        assertThat(view.reason()).isEmpty();
        assertThat(view.path()).isNull();
    }

    @Test
    void aRemovedListenerHearsNoMore() {
        TransferView view = new TransferView();
        List<String> heard = new ArrayList<>();
        ChangeListener listener = e -> heard.add("x");
        view.addChangeListener(listener);
        view.removeChangeListener(listener);
        view.setTransferring(0.1, 0);
        assertThat(heard).isEmpty();
        assertThat(view.listenerCount()).isZero();
    }
}
