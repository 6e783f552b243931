package org.qchat.server.store.message.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hash index that grows by generations: {@code <name>-<6-digit generation>.idx} files, each an
 * {@link IndexTable} of fixed capacity. Inserts go to the newest; when it is half full a new one
 * starts, so no table is ever rehashed and an insert never stalls on a resize. Lookups probe the
 * newest first, so a key inserted again (recovery replaying records) is found where it was put last.
 *
 * <p>Threads: one writer inserts, forces and rolls; any number of readers {@link #find} at the same
 * time. The table array is replaced whole and published through a volatile field.
 */
final class GenerationalIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GenerationalIndex.class);
    private static final String SUFFIX = ".idx";

    private final Path dir;
    private final String name;
    private final int capacity;
    private volatile IndexTable[] tables;
    private volatile long[] generations;
    /** Tables from this index on may hold entries not yet forced to the disk. Writer only. */
    private int firstUnforced;

    private GenerationalIndex(Path dir, String name, int capacity, IndexTable[] tables, long[] generations) {
        this.dir = dir;
        this.name = name;
        this.capacity = capacity;
        this.tables = tables;
        this.generations = generations;
    }

    /**
     * Maps every valid generation of index {@code name} in {@code dir}, oldest first. A file that is
     * not a whole table (the process died while creating it) is deleted with a WARN; it held nothing
     * that the log cannot give again. An index with no generation gets its first, of {@code capacity}
     * slots, which is also the size of every later one.
     */
    static GenerationalIndex open(Path dir, String name, int capacity) throws IOException {
        List<IndexTable> tables = new ArrayList<>();
        List<Long> generations = new ArrayList<>();
        try {
            for (long generation : generationsOnDisk(dir, name)) {
                Path file = dir.resolve(fileName(name, generation));
                IndexTable table = IndexTable.open(file);
                if (table == null) {
                    log.warn("{}: not a complete index table, deleted (it is rebuilt from the log)", file);
                    Files.delete(file);
                    continue;
                }
                tables.add(table);
                generations.add(generation);
            }
            if (tables.isEmpty()) {
                tables.add(IndexTable.create(dir.resolve(fileName(name, 1)), capacity));
                generations.add(1L);
            }
        } catch (IOException | RuntimeException e) {
            tables.forEach(IndexTable::close);
            throw e;
        }
        return new GenerationalIndex(dir, name, capacity, tables.toArray(IndexTable[]::new),
                generations.stream().mapToLong(Long::longValue).toArray());
    }

    /** Deletes every generation of index {@code name}, for a rebuild from the log. */
    static void deleteAll(Path dir, String name) throws IOException {
        for (long generation : generationsOnDisk(dir, name)) {
            Files.deleteIfExists(dir.resolve(fileName(name, generation)));
        }
    }

    /** The generation numbers of the mapped tables, oldest first. */
    long[] generations() {
        return generations.clone();
    }

    /** The first candidate that {@code matcher} confirms, newest generation first; null if none. Thread-safe. */
    <T> T find(long hash, IndexTable.Matcher<T> matcher) throws IOException {
        IndexTable[] current = tables;
        for (int i = current.length - 1; i >= 0; i--) {
            T found = current[i].find(hash, matcher);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Maps {@code hash} to {@code position} in the newest generation, starting a new one first if it is half full. */
    void insert(long hash, long position, IndexTable.KeyCheck sameKey) throws IOException {
        if (newest().isHalfFull()) {
            roll();
        }
        if (!newest().insert(hash, position, sameKey)) {
            // Only a table whose count was lost in a power failure can fill up before it says so.
            roll();
            if (!newest().insert(hash, position, sameKey)) {
                throw new IOException(name + ": a fresh index table refused an insert");
            }
        }
    }

    /** Forces every table changed since the last call to the disk. Writer only. */
    void force() {
        takeUnforced(false).forEach(IndexTable::force);
    }

    /**
     * The tables changed since the last call (every table if {@code all}), for the caller to force,
     * here or on another thread; the newest stays changing and is in the next answer too. Writer only.
     */
    List<IndexTable> takeUnforced(boolean all) {
        IndexTable[] current = tables;
        List<IndexTable> unforced = List.of(current).subList(all ? 0 : firstUnforced, current.length);
        firstUnforced = current.length - 1;
        return unforced;
    }

    /** Unmaps every table; no thread may use the index afterwards. */
    @Override
    public void close() {
        for (IndexTable table : tables) {
            table.close();
        }
    }

    private IndexTable newest() {
        IndexTable[] current = tables;
        return current[current.length - 1];
    }

    private void roll() throws IOException {
        long[] currentGenerations = generations;
        long next = currentGenerations[currentGenerations.length - 1] + 1;
        IndexTable table = IndexTable.create(dir.resolve(fileName(name, next)), capacity);
        IndexTable[] current = tables;
        IndexTable[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = table;
        long[] grownGenerations = Arrays.copyOf(currentGenerations, currentGenerations.length + 1);
        grownGenerations[currentGenerations.length] = next;
        generations = grownGenerations;
        tables = grown;
        log.debug("{}: generation {} started", name, next);
    }

    static String fileName(String name, long generation) {
        return name + "-" + String.format(Locale.ROOT, "%06d", generation) + SUFFIX;
    }

    private static long[] generationsOnDisk(Path dir, String name) throws IOException {
        List<Long> found = new ArrayList<>();
        String prefix = name + "-";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "*" + SUFFIX)) {
            for (Path file : files) {
                String digits = file.getFileName().toString();
                digits = digits.substring(prefix.length(), digits.length() - SUFFIX.length());
                if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() <= 18) {
                    found.add(Long.parseLong(digits));
                }
            }
        }
        return found.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
