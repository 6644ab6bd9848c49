package io.github.devpayls.ls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** Files that are not what a reader expects: FIFOs and sparse giants, for the bounded-reading tests. */
public final class SpecialFiles {

    /** A POSIX character device that never ends. */
    public static final Path DEV_ZERO = Path.of("/dev/zero");

    private SpecialFiles() {
    }

    /** @return a FIFO at {@code file} (POSIX only); opening it for reading blocks until a writer comes */
    public static Path fifo(Path file) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).as("mkfifo exit status").isZero();
        return file;
    }

    /** @return a sparse file of {@code bytes} bytes, costing no disk */
    public static Path sparse(Path file, long bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
        }
        return file;
    }
}
