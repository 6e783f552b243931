/**
 * Files and images that messages carry, as bytes named by their SHA-256: {@link
 * org.qchat.server.store.blob.BlobStore}, and {@link org.qchat.server.store.blob.FileBlobStore} on the
 * local file system ({@code <data-dir>/blobs}).
 *
 * <p>Who does what:
 * <ul>
 *   <li>{@code BlobStore}, {@code PartialBlob}, {@code BlobReader}: the store, an upload in progress,
 *       a download's reads;
 *   <li>{@code FileBlobStore}: opens partials (one at a time per key), lists idle ones, serves and
 *       deletes blobs;
 *   <li>{@code FilePartialBlob}: appends and hashes an upload, and commits it only if the hash matches;
 *   <li>{@code BlobLayout}: where the files are, and the durable rename that makes a blob;
 *   <li>{@code BlobNames}: which sha256s and keys are names at all.
 * </ul>
 * Who owns a blob, and when one may be deleted, is not known here: the caller keeps that.
 */
package org.qchat.server.store.blob;
