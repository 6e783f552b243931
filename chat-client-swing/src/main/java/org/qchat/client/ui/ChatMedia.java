package org.qchat.client.ui;

import org.qchat.client.core.ChatClient;

/**
 * What the windows share for pictures and files while the app runs, outliving windows rebuilt
 * for a new language or theme: decoded thumbnails and my pictures' previews, and the sender that
 * makes them. Swing event thread only.
 */
record ChatMedia(PictureCache pictures, AttachmentSender sender) {

    static ChatMedia of(ChatClient client) {
        PictureCache pictures = new PictureCache();
        return new ChatMedia(pictures, new AttachmentSender(client, pictures));
    }
}
