package org.qchat.client.ui;

import java.util.concurrent.atomic.AtomicLong;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The short two-note chime of a new message, made in code (no sound file to ship). Plays on a
 * thread of its own, never more than once a second, and stays silent where there is no sound device.
 */
final class NotificationSound {

    private static final Logger log = LoggerFactory.getLogger(NotificationSound.class);
    private static final float RATE = 22_050f;
    private static final long MIN_GAP_MILLIS = 1000;
    private static final AtomicLong lastPlayed = new AtomicLong();

    private NotificationSound() {
    }

    static void play() {
        long now = System.currentTimeMillis();
        long last = lastPlayed.get();
        if (now - last < MIN_GAP_MILLIS || !lastPlayed.compareAndSet(last, now)) {
            return;
        }
        Thread t = new Thread(NotificationSound::playNow, "qchat-sound");
        t.setDaemon(true);
        t.start();
    }

    /** Two notes (E6 then A5), 16-bit mono, each fading out. */
    static byte[] chime() {
        double[][] notes = {{1318.5, 0.09}, {880.0, 0.16}};
        int total = 0;
        for (double[] n : notes) {
            total += (int) (RATE * n[1]);
        }
        byte[] pcm = new byte[total * 2];
        int at = 0;
        for (double[] n : notes) {
            int samples = (int) (RATE * n[1]);
            for (int i = 0; i < samples; i++) {
                double fade = 1.0 - (double) i / samples;
                short v = (short) (Math.sin(2 * Math.PI * n[0] * i / RATE) * fade * fade * 9000);
                pcm[at++] = (byte) v;
                pcm[at++] = (byte) (v >> 8);
            }
        }
        return pcm;
    }

    private static void playNow() {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            byte[] pcm = chime();
            line.write(pcm, 0, pcm.length);
            line.drain();
        } catch (Exception | LinkageError e) {
            log.debug("no notification sound: {}", e.toString());
        }
    }
}
