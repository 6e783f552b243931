/**
 * The embedded message store: {@link org.qchat.server.store.message.file.SegmentedMessageLog}, a
 * segmented append-only log with memory-mapped hash indexes, in the directory the server gives it
 * ({@code <data-dir>/messages}).
 *
 * <p>Who does what:
 * <ul>
 *   <li>{@code RecordCodec}: one message as bytes (the layout is drawn there);
 *   <li>{@code Segment}, {@code SegmentList}: the segment files and the published end of the log;
 *   <li>{@code IndexTable}, {@code GenerationalIndex}, {@code MessageIndexes}, {@code KeyHash}: the
 *       seq and client indexes, hash to position, confirmed by reading the record;
 *   <li>{@code ConversationHeads}: each conversation's last seq, the only per-conversation heap state;
 *   <li>{@code LogWriter}: appends, erases, rolls and checkpoints, on the writer thread;
 *   <li>{@code Checkpoint}, {@code Recovery}, {@code LogScanner}: restart from the last checkpoint,
 *       re-reading only what follows it, and cutting a torn tail;
 *   <li>{@code DirectoryLock}: one process per directory.
 * </ul>
 * Everything but the log's segments is derived from them: deleting {@code checkpoint} and the
 * {@code *.idx} files makes the next open rebuild them (slowly: it reads the whole log).
 */
package org.qchat.server.store.message.file;
