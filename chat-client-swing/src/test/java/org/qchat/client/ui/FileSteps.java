package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;
import static org.qchat.client.ui.GuiClient.WAIT;
import static org.qchat.client.ui.GuiClient.waitFor;
import static org.qchat.client.ui.GuiClient.waitUntil;

import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.SwingUtilities;

import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.finder.JFileChooserFinder;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JFileChooserFixture;
import org.assertj.swing.fixture.JTextComponentFixture;
import org.assertj.swing.util.Platform;
import org.qchat.client.core.files.TransferState;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.ui.media.FileCard;
import org.qchat.client.ui.media.ImageThumbnail;
import org.qchat.protocol.model.MessageKind;

/**
 * What one person ({@link GuiClient}) does with pictures and files in the chat window, with the
 * robot's real keys and clicks: pastes a picture and confirms it, picks files with the
 * paperclip's chooser, clicks a thumbnail and a card's Download, chooses a downloads folder in
 * the settings. Reads run on the event thread; waits poll a condition.
 */
final class FileSteps {

    private final GuiClient person;

    FileSteps(GuiClient person) {
        this.person = person;
    }

    // ---- sending -----------------------------------------------------------------------------

    /** Copies the picture, clicks into the message box, presses Ctrl+V and sends it from the confirmation. */
    void pastePicture(long convId, BufferedImage picture) {
        person.selectTab(convId);
        execute(() -> Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new PictureOnly(picture), null));
        JTextComponentFixture input = person.conversation(convId).textBox(ComponentNames.CHAT_INPUT);
        input.click();
        // The robot takes the old-style modifier masks; the platform's own is Ctrl (Cmd on a Mac).
        input.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_V).modifiers(Platform.controlOrCommandMask()));
        DialogFixture confirm = person.dialog(ComponentNames.PICTURE_CONFIRM);
        JLabel shown = confirm.label(ComponentNames.PICTURE_CONFIRM_IMAGE).target();
        assertThat(execute(() -> shown.getIcon().getIconWidth())).as("the picture is shown before it goes")
                .isPositive();
        assertThat(execute(() -> input.target().getText())).as("no text was pasted").isEmpty();
        confirm.button(ComponentNames.PICTURE_CONFIRM_SEND).click();
        waitUntil("the confirmation closes", () -> !confirm.target().isShowing());
    }

    /** Clicks the paperclip and picks {@code file} in the file chooser. */
    void attachFile(long convId, Path file) {
        person.selectTab(convId);
        person.conversation(convId).button(ComponentNames.CHAT_ATTACH).click();
        JFileChooserFixture chooser = chooser(ComponentNames.ATTACH_CHOOSER);
        chooser.setCurrentDirectory(file.getParent().toFile());
        chooser.selectFile(file.toFile());
        chooser.approve();
        waitUntil("the chooser closes", () -> !chooser.target().isShowing());
    }

    // ---- what the conversation shows ---------------------------------------------------------

    /** The conversation's image and file messages, oldest first, as their rows show them. */
    List<Shown> shown(long convId) {
        return execute(() -> {
            List<Shown> out = new ArrayList<>();
            for (ChatMessage m : person.client().conversations().get(convId).orElseThrow().messages()) {
                if (!m.hasFile()) {
                    continue;
                }
                Container row = (Container) Components.find(person.panel(convId), rowName(m));
                if (row != null) {
                    out.add(new Shown(m, row));
                }
            }
            return out;
        });
    }

    /** Waits until the conversation shows an image or file message that is {@code ready} (asked on the EDT). */
    Shown await(long convId, String what, Predicate<Shown> ready) {
        return waitFor(what, () -> execute(() -> shown(convId).stream().filter(ready).findFirst().orElse(null)));
    }

    /** The delivery state under my message, as shown. */
    String deliveryState(Shown shown) {
        return execute(() -> Components.deliveryState((JLabel) Components.find(shown.row(), ComponentNames.MESSAGE_STATE)));
    }

    /** Where the message's transfer stands in the client. */
    TransferState transfer(ChatMessage message) {
        return execute(() -> person.client().files().state(message));
    }

    // ---- receiving ---------------------------------------------------------------------------

    /** Scrolls the thumbnail into view and clicks it; returns the viewer that opens with the original. */
    DialogFixture openPicture(Shown shown) {
        ImageThumbnail thumbnail = execute(shown::thumbnail);
        scrollIntoView(thumbnail);
        person.robot().click(thumbnail);
        return WindowFinder.findDialog(new GenericTypeMatcher<>(JDialog.class) {
            @Override
            protected boolean isMatching(JDialog dialog) {
                return ComponentNames.VIEWER.equals(dialog.getName()) && dialog.isShowing();
            }
        }).withTimeout(WAIT.toMillis()).using(person.robot());
    }

    /** Clicks the card's Download; returns when its Open shows. */
    void download(Shown shown) {
        AbstractButton download = execute(() -> (AbstractButton) Components.find(shown.card(),
                ComponentNames.FILE_DOWNLOAD));
        scrollIntoView(download);
        person.robot().click(download);
        waitUntil("the card offers Open", () -> {
            Component open = Components.find(shown.card(), ComponentNames.FILE_OPEN);
            return open != null && open.isShowing();
        });
    }

    /** Chooses the downloads folder in Settings (the main window's menu → Change… → the folder chooser → Apply). */
    void chooseDownloadsFolder(Path folder) {
        person.mainWindow().menuItem(new GenericTypeMatcher<>(JMenuItem.class, false) {
            @Override
            protected boolean isMatching(JMenuItem item) {
                return ComponentNames.MENU_SETTINGS.equals(item.getName());
            }
        }).click();
        DialogFixture settings = person.dialog(ComponentNames.SETTINGS_DIALOG);
        settings.button(ComponentNames.SETTINGS_DOWNLOADS_CHANGE).click();
        JFileChooserFixture chooser = chooser(ComponentNames.SETTINGS_DOWNLOADS_CHOOSER);
        chooser.setCurrentDirectory(folder.getParent().toFile());
        chooser.selectFile(folder.toFile());
        chooser.approve();
        waitUntil("the folder chooser closes", () -> !chooser.target().isShowing());
        JTextComponentFixture shown = settings.textBox(ComponentNames.SETTINGS_DOWNLOADS);
        waitUntil("the settings show the folder chosen",
                () -> shown.target().getText().equals(folder.toAbsolutePath().toString()));
        settings.button(ComponentNames.SETTINGS_OK).click();
        waitUntil("the settings close", () -> !settings.target().isShowing());
    }

    private JFileChooserFixture chooser(String name) {
        JFileChooserFixture chooser = JFileChooserFinder.findFileChooser(name).withTimeout(WAIT.toMillis())
                .using(person.robot());
        person.settle(execute(() -> SwingUtilities.getWindowAncestor(chooser.target())));
        return chooser;
    }

    private void scrollIntoView(JComponent c) {
        execute(() -> c.scrollRectToVisible(new Rectangle(0, 0, c.getWidth(), c.getHeight())));
        waitUntil("it is in view", () -> {
            Rectangle visible = c.getVisibleRect();
            return visible.width == c.getWidth() && visible.height == c.getHeight();
        });
    }

    private static String rowName(ChatMessage m) {
        return m.isStored() ? "message." + m.seq() : "message.out." + m.clientMsgId();
    }

    /** An image or file message and its row. Read the components on the event thread. */
    record Shown(ChatMessage message, Container row) {
        ImageThumbnail thumbnail() {
            return (ImageThumbnail) Components.find(row, ComponentNames.IMAGE_THUMBNAIL);
        }

        FileCard card() {
            return (FileCard) Components.find(row, ComponentNames.FILE_CARD);
        }

        /** A picture that shows, not the placeholder. */
        boolean showsPicture() {
            return thumbnail() != null && thumbnail().isShowing() && thumbnail().hasImage();
        }

        /** A file card for a file called {@code name}. */
        boolean showsFile(String name) {
            return card() != null && card().isShowing() && message.file().name().equals(name);
        }
    }

    /** A picture on the clipboard as a screenshot tool puts it there: pixels, no text, no file. */
    private record PictureOnly(BufferedImage picture) implements Transferable {
        @Override
        public DataFlavor[] getTransferDataFlavors() {
            return new DataFlavor[] {DataFlavor.imageFlavor};
        }

        @Override
        public boolean isDataFlavorSupported(DataFlavor flavor) {
            return DataFlavor.imageFlavor.equals(flavor);
        }

        @Override
        public Object getTransferData(DataFlavor flavor) throws UnsupportedFlavorException {
            if (!isDataFlavorSupported(flavor)) {
                throw new UnsupportedFlavorException(flavor);
            }
            return picture;
        }
    }
}
