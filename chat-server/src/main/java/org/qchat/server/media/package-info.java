/**
 * What an uploaded file is, from its bytes: {@link org.qchat.server.media.MediaInspector} sniffs its
 * type and, for a picture, reads its size and makes the thumbnail that image messages carry.
 *
 * <p>Who does what:
 * <ul>
 *   <li>{@code MediaInspector}: the order of the work, and the rule that bad content is "not an
 *       image", never an exception;
 *   <li>{@code MimeSniffer}: the type from the first bytes (the signatures are drawn there);
 *   <li>{@code PictureDecoder}: the size from the header, then a subsampled first frame, within the
 *       limits that keep decompression bombs out;
 *   <li>{@code TimedFileInput}: the file as ImageIO reads it, with no cache and a time limit;
 *   <li>{@code Thumbnailer}: downscaling, white behind transparency, and a JPEG that fits.
 * </ul>
 */
package org.qchat.server.media;
