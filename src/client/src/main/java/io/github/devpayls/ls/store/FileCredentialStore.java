package io.github.devpayls.ls.store;

import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.internal.BoundedFiles;
import io.github.devpayls.ls.store.NoUsableCredentials.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The file store: {@code <product>.credentials} per product in one directory, replaced by writing a
 * temp file beside it, fsync, atomic rename, fsync of the directory — all under an exclusive lock on
 * the sidecar {@code <product>.lock}. Readers take no lock: a rename swaps the whole file at once.
 */
final class FileCredentialStore extends LockingCredentialStore {

    static final String ENTRY_SUFFIX = ".credentials";
    static final String LOCK_SUFFIX = ".lock";
    static final String TEMP_SUFFIX = ".tmp";
    /** Separates the product from the random part of a temp name; never part of a product key. */
    static final String TEMP_SEPARATOR = "~";

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    // A FileLock belongs to the whole process, and a second lock on the same file from the same JVM
    // throws; so threads of this JVM queue on one ReentrantLock per lock file first.
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final Encryption encryption;
    private final boolean posix;

    FileCredentialStore(Path directory, Optional<Encryption> encryption, Clock clock) {
        super(clock);
        this.directory = directory;
        this.encryption = encryption.orElse(null);
        this.posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    Path entryFile(ProductKey productKey) {
        return directory.resolve(productKey.value() + ENTRY_SUFFIX);
    }

    @Override
    public Optional<Path> entryLocation(ProductKey productKey) {
        if (productKey == null) {
            throw new InvalidInputException("productKey", "is required");
        }
        return Optional.of(entryFile(productKey).toAbsolutePath());
    }

    Path lockFile(ProductKey productKey) {
        return directory.resolve(productKey.value() + LOCK_SUFFIX);
    }

    @Override
    CredentialEntry load(ProductKey productKey) throws UnusableEntry {
        Path file = entryFile(productKey);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new UnusableEntry(Reason.UNREADABLE, "the entry " + file + " is not a regular file");
            }
            if (posix) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                    throw new UnusableEntry(Reason.INSECURE_PERMISSIONS, "the entry " + file + " has permissions "
                            + PosixFilePermissions.toString(permissions)
                            + "; only its owner may have access (rw-------), so it is not trusted");
                }
            }
            byte[] bytes;
            try {
                bytes = BoundedFiles.read(file, EntryFormat.MAX_BYTES);
            } catch (BoundedFiles.RefusedFileException e) {
                throw refused(productKey, e);
            }
            return EntryFormat.decode(productKey, bytes, encryption);
        } catch (NoSuchFileException e) {
            throw new UnusableEntry(Reason.NONE_STORED, "no entry for product " + productKey + " in " + directory);
        } catch (IOException e) {
            throw new UnusableEntry(Reason.UNREADABLE,
                    "the entry " + file + " could not be read: " + e.getClass().getSimpleName());
        }
    }

    private UnusableEntry refused(ProductKey productKey, BoundedFiles.RefusedFileException refused) {
        return switch (refused.refusal()) {
            case NOT_FOUND -> new UnusableEntry(Reason.NONE_STORED, "no entry for product " + productKey + " in "
                    + directory);
            case TOO_LARGE -> new UnusableEntry(Reason.CORRUPTED, "the entry " + refused.rule()
                    + ", too large to be an entry");
            case NOT_REGULAR, UNREADABLE -> new UnusableEntry(Reason.UNREADABLE, "the entry " + refused.rule());
        };
    }

    @Override
    void store(ProductKey productKey, CredentialEntry entry) {
        byte[] content = EntryFormat.encode(entry, encryption);
        Path target = entryFile(productKey);
        Path temp = null;
        try {
            removeLeftoverTempFiles(productKey);
            temp = Files.createTempFile(directory, "." + productKey.value() + TEMP_SEPARATOR, TEMP_SUFFIX,
                    ownerOnly(OWNER_ONLY_FILE));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            syncDirectory();
        } catch (IOException e) {
            throw new CredentialStoreException("could not write the entry for product " + productKey + " to "
                    + target + ": " + e.getClass().getSimpleName(), e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    @Override
    void probeWrite(ProductKey productKey) {
        Path target = entryFile(productKey);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new CredentialStoreException("cannot write the entry for product " + productKey + ": " + target
                    + " is a directory", null);
        }
        try {
            // The same kind of temp file store() writes, beside the entry: proves create, write and
            // delete rights in the directory (permission bits alone say nothing for root or ACLs).
            Path probe = Files.createTempFile(directory, "." + productKey.value() + TEMP_SEPARATOR, TEMP_SUFFIX,
                    ownerOnly(OWNER_ONLY_FILE));
            Files.delete(probe);
        } catch (IOException e) {
            throw new CredentialStoreException("cannot write the entry for product " + productKey + " in "
                    + directory + ": " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    boolean remove(ProductKey productKey) {
        try {
            boolean existed = Files.deleteIfExists(entryFile(productKey));
            syncDirectory();
            return existed;
        } catch (IOException e) {
            throw new CredentialStoreException("could not delete the entry for product " + productKey + " in "
                    + directory + ": " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    @SuppressWarnings("try") // the FileLock is held for the block's scope only, never referenced
    <T> T locked(ProductKey productKey, Supplier<T> action) {
        Path lockFile = lockFile(productKey);
        ReentrantLock jvmLock;
        try {
            createDirectory();
            // Keyed by the real path, so two stores reaching the directory through different links share one lock.
            jvmLock = JVM_LOCKS.computeIfAbsent(directory.toRealPath().resolve(lockFile.getFileName()),
                    path -> new ReentrantLock());
        } catch (IOException e) {
            throw new CredentialStoreException("could not create the store directory " + directory + ": "
                    + e.getClass().getSimpleName(), e);
        }
        jvmLock.lock();
        try {
            if (jvmLock.getHoldCount() > 1) {
                // Nested call from an update() function on this thread: the file lock is already ours.
                return action.get();
            }
            Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try (FileChannel channel = FileChannel.open(lockFile, options, ownerOnly(OWNER_ONLY_FILE));
                    FileLock ignored = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new CredentialStoreException("could not lock the entry for product " + productKey + " ("
                    + lockFile + "): " + e.getClass().getSimpleName(), e);
        } finally {
            jvmLock.unlock();
        }
    }

    private void createDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, ownerOnly(OWNER_ONLY_DIRECTORY));
        }
    }

    /** Temp files of writers killed mid-write; safe to remove, since we hold the product's lock. */
    private void removeLeftoverTempFiles(ProductKey productKey) throws IOException {
        String glob = "." + productKey.value() + TEMP_SEPARATOR + "*" + TEMP_SUFFIX;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, glob)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** Makes the rename durable. Windows cannot open a directory as a file; its renames are journaled. */
    private void syncDirectory() throws IOException {
        if (!posix) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The next write under the lock removes it (removeLeftoverTempFiles).
        }
    }

    @Override
    public String toString() {
        return "FileCredentialStore[directory=" + directory + ", "
                + (encryption == null ? "no encryption" : encryption) + "]";
    }
}
