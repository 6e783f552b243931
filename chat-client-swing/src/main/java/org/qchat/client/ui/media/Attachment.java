package org.qchat.client.ui.media;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;

/** Something pasted or dropped to be sent: a file, or a picture that is not a file yet (a copied screenshot). */
public sealed interface Attachment {

    /** A file or folder on this computer, as the file manager or the clipboard named it; it may since have gone. */
    record FileAttachment(Path path) implements Attachment {
        public FileAttachment {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Pixels only; {@link Attachments#toPng} makes bytes of them to send. */
    record ImageAttachment(BufferedImage image) implements Attachment {
        public ImageAttachment {
            Objects.requireNonNull(image, "image");
        }
    }
}
