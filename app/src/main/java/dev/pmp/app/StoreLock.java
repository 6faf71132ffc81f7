package dev.pmp.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Exclusive use of a store by one pmp process, through an operating-system file lock on
 * {@code <data dir>/pmp.lock}. The lock dies with its process, so a killed holder never blocks the
 * next run; the file keeps the holder's pid and command for the message others print.
 */
public final class StoreLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    private final String what;

    private StoreLock(FileChannel channel, FileLock lock, String what) {
        this.channel = channel;
        this.lock = lock;
        this.what = what;
    }

    /**
     * Takes the lock without waiting.
     *
     * @param what the command taking it ({@code pmp update}), shown to others
     * @return the lock, or empty when another process holds it
     */
    public static Optional<StoreLock> tryAcquire(Path lockFile, String what) throws IOException {
        Files.createDirectories(lockFile.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            ch.close();
            return Optional.empty();
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + " " + what + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
        return Optional.of(new StoreLock(ch, l, what));
    }

    /**
     * What the lock file says about its holder ({@code "12345 pmp run"}), or "unknown". A holder writes
     * its pid just after taking the lock, so an empty file is read again for up to half a second.
     */
    public static String holder(Path lockFile) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                String s = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
                if (!s.isEmpty()) {
                    return s;
                }
                Thread.sleep(25);
            } catch (IOException e) {
                return "unknown";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }
        return "unknown";
    }

    /**
     * Adds to what the lock file says about its holder: the daemon adds where its dashboard answers, so a
     * command refused by the lock can say where to look instead.
     */
    public void announce(String more) throws IOException {
        byte[] text = (ProcessHandle.current().pid() + " " + what + ", " + more + "\n").getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text), 0);
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
