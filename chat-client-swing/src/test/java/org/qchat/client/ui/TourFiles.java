package org.qchat.client.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

/** The files sent in the screenshot of pictures and files, made in a folder of their own with the tour's names. */
record TourFiles(Path photo, Path map, Path packingList) {

    static TourFiles in(Path folder, TourLines lines) throws IOException {
        Files.createDirectories(folder);
        Path photo = folder.resolve(lines.files()[0]);
        if (!ImageIO.write(Pictures.mountains(1600, 1000, false), "jpg", photo.toFile())) {
            throw new IOException("no JPEG writer");
        }
        return new TourFiles(photo, Files.write(folder.resolve(lines.files()[1]), bytes(2_480_000)),
                Files.write(folder.resolve(lines.files()[2]), bytes(18_700)));
    }

    /** Deletes the files and their folder (once sent: the uploads read them until then). */
    void delete() throws IOException {
        for (Path file : new Path[] {photo, map, packingList}) {
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(photo.getParent());
    }

    /** Stand-in contents: the pictures show names and sizes, never what is inside. */
    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
