package org.qchat.client.ui.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JButton;
import javax.swing.JLabel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.ui.ComponentNames;
import org.qchat.client.ui.Theme;

/** The card as a component, without a window: what it shows in each state and what its clicks call. */
class FileCardTest {

    private final List<String> calls = new ArrayList<>();
    private final TransferView transfer = new TransferView();
    private FileCard card;

    @BeforeAll
    static void lightTheme() {
        Edt.run(() -> Theme.apply("light"));
    }

    @AfterAll
    static void backToLight() {
        Edt.run(() -> Theme.apply("light"));
    }

    @BeforeEach
    void aCardOnScreen() {
        card = Edt.call(() -> {
            FileCard c = new FileCard("Quarterly report 2025.pdf", 1_258_291, transfer, recorder());
            c.addNotify();
            c.setSize(c.getPreferredSize());
            c.validate();
            return c;
        });
    }

    @Test
    void itShowsTheNameTheSizeAndDownloadAtFirst() {
        Edt.run(() -> {
            assertThat(Finder.named(card, ComponentNames.FILE_SIZE, JLabel.class).getText()).isEqualTo("1.2 MB");
            assertThat(card.shownPhase()).isEqualTo("NOT_STARTED");
            Finder.named(card, ComponentNames.FILE_DOWNLOAD, JButton.class).doClick();
            assertThat(calls).containsExactly("download");
        });
    }

    @Test
    void whileTransferringItShowsProgressAndCancels() {
        Edt.run(() -> {
            transfer.setTransferring(0.456, 1_258_291);

            assertThat(card.shownPhase()).isEqualTo("TRANSFERRING");
            assertThat(card.progressLine().text()).isEqualTo("45% · 1.2 MB/s");
            Finder.named(card, ComponentNames.FILE_CANCEL, JButton.class).doClick();
            assertThat(calls).containsExactly("cancel");
        });
    }

    @Test
    void progressTenTimesASecondNeverLaysTheCardOutAgain() {
        Edt.run(() -> {
            transfer.setTransferring(0, 0);
            card.validate();
            for (int i = 1; i <= 100; i++) {
                transfer.setTransferring(i / 100.0, 1000L * i * i);
                assertThat(card.isValid()).as("still laid out after update %d", i).isTrue();
            }
            assertThat(card.progressLine().text()).isEqualTo("100% · 9.5 MB/s");
        });
    }

    @Test
    void onceHereItOpensAndSaves() {
        Edt.run(() -> {
            transfer.setDone(Path.of("/tmp/report.pdf"));

            assertThat(card.shownPhase()).isEqualTo("DONE");
            Finder.named(card, ComponentNames.FILE_OPEN, JButton.class).doClick();
            Finder.named(card, ComponentNames.FILE_SAVE_AS, JButton.class).doClick();
            assertThat(calls).containsExactly("open", "saveAs");
        });
    }

    @Test
    void afterAFailureItShowsWhyAndRetries() {
        Edt.run(() -> {
            transfer.setFailed("Connection lost");

            assertThat(card.shownPhase()).isEqualTo("FAILED");
            assertThat(Finder.named(card, ComponentNames.FILE_ERROR, JLabel.class).getText())
                    .isEqualTo("Connection lost");
            Finder.named(card, ComponentNames.FILE_RETRY, JButton.class).doClick();
            assertThat(calls).containsExactly("retry");

            transfer.setFailed("");
            assertThat(Finder.named(card, ComponentNames.FILE_ERROR, JLabel.class).getText())
                    .isEqualTo("The transfer failed.");
        });
    }

    @Test
    void clickingTheFileOpensItWhenHereAndFetchesItWhenNot() {
        Edt.run(() -> {
            Component top = Finder.named(card, ComponentNames.FILE_NAME, Component.class).getParent().getParent();
            Mouse.click(top, 5, 5);
            transfer.setTransferring(0.5, 0);
            Mouse.click(top, 5, 5);
            transfer.setDone(Path.of("/tmp/report.pdf"));
            Mouse.click(top, 5, 5);
            assertThat(calls).containsExactly("download", "open");
        });
    }

    @Test
    void aLongNameIsShortenedInTheMiddleWithTheWholeNameAsTooltip() {
        Edt.run(() -> {
            String name = "Meeting notes for the product planning session with the design team (final, v3).docx";
            FileCard longCard = new FileCard(name, 12_345, new TransferView(), recorder());
            longCard.setSize(longCard.getPreferredSize());
            longCard.addNotify();
            longCard.validate();

            FileNameLabel label = Finder.named(longCard, ComponentNames.FILE_NAME, FileNameLabel.class);
            assertThat(label.shownText()).contains(MiddleEllipsis.ELLIPSIS).startsWith("Meeting").endsWith(".docx");
            assertThat(label.getToolTipText()).isEqualTo(name);
            assertThat(longCard.getPreferredSize().width).isEqualTo(card.getPreferredSize().width);

            // The tooltip's listener on the name must not swallow the click meant for the card.
            Mouse.click(label, 5, 5);
            assertThat(calls).containsExactly("download");
        });
    }

    @Test
    void itListensToItsTransferOnlyWhileOnScreen() {
        Edt.run(() -> {
            assertThat(transfer.listenerCount()).isEqualTo(1);
            card.removeNotify();
            assertThat(transfer.listenerCount()).isZero();

            transfer.setDone(Path.of("/tmp/report.pdf"));
            card.addNotify();
            assertThat(card.shownPhase()).as("catches up when back").isEqualTo("DONE");
        });
    }

    @Test
    void itFollowsTheTheme() {
        Edt.run(() -> {
            assertThat(backgroundOf(card)).isEqualTo(Color.WHITE);
            Theme.apply("dark");
            javax.swing.SwingUtilities.updateComponentTreeUI(card);
            assertThat(backgroundOf(card)).isEqualTo(new Color(0x36, 0x39, 0x3D));
            assertThat(Finder.named(card, ComponentNames.FILE_SIZE, JLabel.class).getForeground())
                    .isEqualTo(Theme.secondaryText());
            Theme.apply("light");
        });
    }

    private static Color backgroundOf(FileCard card) {
        BufferedImage image = new BufferedImage(card.getWidth(), card.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        card.paint(g);
        g.dispose();
        return new Color(image.getRGB(4, card.getHeight() / 3), true);
    }

    private FileCard.Actions recorder() {
        return new FileCard.Actions() {
            @Override
            public void download() {
                calls.add("download");
            }

            @Override
            public void cancel() {
                calls.add("cancel");
            }

            @Override
            public void retry() {
                calls.add("retry");
            }

            @Override
            public void open() {
                calls.add("open");
            }

            @Override
            public void saveAs() {
                calls.add("saveAs");
            }
        };
    }
}
