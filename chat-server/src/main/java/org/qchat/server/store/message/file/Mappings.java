package org.qchat.server.store.message.file;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.MappedByteBuffer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unmaps memory-mapped files now rather than when the garbage collector gets to them, so a closed log
 * gives back its address space and file handles at once. Java 17 has no public API for it; this uses
 * {@code sun.misc.Unsafe.invokeCleaner} (module jdk.unsupported) and, where that is unavailable, leaves
 * the mapping to the collector.
 *
 * <p>Touching a buffer after it was unmapped crashes the JVM: callers unmap only what no thread can
 * reach any more.
 */
final class Mappings {

    private static final Logger log = LoggerFactory.getLogger(Mappings.class);
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method invokeCleaner = null;
        try {
            Class<?> type = Class.forName("sun.misc.Unsafe");
            Field field = type.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            invokeCleaner = type.getMethod("invokeCleaner", java.nio.ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("mapped files will be unmapped by the garbage collector: {}", e.toString());
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = invokeCleaner;
    }

    private Mappings() {
    }

    static void unmap(MappedByteBuffer map) {
        if (INVOKE_CLEANER == null) {
            return;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, map);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("could not unmap a mapped file: {}", e.toString());
        }
    }
}
