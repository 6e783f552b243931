/**
 * Swing components for image and file messages: the screenshot tool ({@link
 * org.qchat.client.ui.media.ScreenCapture}), the image viewer, file cards, image thumbnails, and
 * what a paste or a drop carries ({@link org.qchat.client.ui.media.Attachments}).
 *
 * <p>They know nothing of the protocol or of the client's core: they take plain values (paths,
 * names, sizes, images) and report what the user does through callbacks, so the chat window
 * decides what a click means. Everything here is created, updated and called back on the Swing
 * event thread unless a method says otherwise; slow work (reading an image, grabbing the screen,
 * copying a file) happens on a background thread of its own and comes back to the event thread.
 */
package org.qchat.client.ui.media;
