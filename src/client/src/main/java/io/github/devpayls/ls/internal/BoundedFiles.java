package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.contract.LicenseServiceFacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way the library and the command line read a file they were given: only a regular file,
 * only up to a cap, so {@code /dev/zero}, a FIFO, a directory or a huge file is refused before (or
 * instead of) being read into memory. The caps of every such file are here too.
 *
 * <p>Symbolic links are followed, and the rules apply to the file they lead to: secret managers
 * (a Kubernetes secret volume, for one) hand out files as links, and refusing those would push users
 * to copy secrets around. A file swapped for a FIFO between the check and the open is not caught
 * (Java cannot open without blocking on a FIFO, nor stat an open file); the check is against
 * mistakes, not against another process racing the reader.
 */
public final class BoundedFiles {

    /**
     * The product-token file: a token is at most {@value LicenseServiceFacts#PRODUCT_TOKEN_MAX_LENGTH}
     * characters, with room for surrounding whitespace and a byte-order mark.
     */
    public static final int PRODUCT_TOKEN_FILE_MAX_BYTES = 16 * 1024;

    /** A PEM file of CA certificates: room for a whole public CA bundle (about 220 KiB today). */
    public static final int PEM_FILE_MAX_BYTES = 1024 * 1024;

    /** A credential-store entry: real entries are about 1.5 KiB; anything far bigger is not ours. */
    public static final int CREDENTIAL_ENTRY_MAX_BYTES = 64 * 1024;

    private BoundedFiles() {
    }

    /** Why a file was not read. */
    public enum Refusal {
        /** There is no such file. */
        NOT_FOUND,
        /** It is a directory, a FIFO, a socket or a device. */
        NOT_REGULAR,
        /** It is (or grew while being read) larger than the cap. */
        TOO_LARGE,
        /** An I/O error, e.g. no permission. */
        UNREADABLE
    }

    /** A file that was not read, with the rule it broke in words that name the file. */
    public static final class RefusedFileException extends Exception {
        private static final long serialVersionUID = 1L;

        private final Refusal refusal;

        RefusedFileException(Refusal refusal, String rule) {
            super(rule, null, false, false);
            this.refusal = refusal;
        }

        /** @return why the file was not read */
        public Refusal refusal() {
            return refusal;
        }

        /** @return the rule the file broke, naming the file, e.g. "must be a regular file: /dev/zero is a device …" */
        public String rule() {
            return getMessage();
        }
    }

    /**
     * Reads a whole regular file of at most {@code maxBytes}; never reads more than
     * {@code maxBytes + 1} bytes, so a file that grows while being read is bounded too.
     *
     * @param file     the file; symbolic links are followed
     * @param maxBytes the cap
     * @return the file's bytes
     * @throws RefusedFileException when the file is missing, not a regular file, too large or unreadable
     */
    public static byte[] read(Path file, int maxBytes) throws RefusedFileException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new RefusedFileException(Refusal.NOT_FOUND, "must be an existing file: " + file + " does not exist");
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (!attributes.isRegularFile()) {
            throw new RefusedFileException(Refusal.NOT_REGULAR, "must be a regular file: " + file + " is "
                    + (attributes.isDirectory() ? "a directory" : "a device, FIFO or socket"));
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(file, maxBytes);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(file, maxBytes);
        }
        return bytes;
    }

    private static RefusedFileException tooLarge(Path file, int maxBytes) {
        return new RefusedFileException(Refusal.TOO_LARGE, "must be at most " + maxBytes + " bytes: " + file
                + " is larger");
    }

    private static RefusedFileException unreadable(Path file, IOException e) {
        return new RefusedFileException(Refusal.UNREADABLE, "must be a readable file: " + file + " could not be read ("
                + e.getClass().getSimpleName() + ")");
    }
}
