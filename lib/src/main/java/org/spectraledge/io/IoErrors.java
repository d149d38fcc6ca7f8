package org.spectraledge.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * The operating system's reason for a failed file operation, in words. NIO often leaves it out of the message:
 * {@code Files.createDirectories(Path.of("/proc/foo"))} throws a {@link NoSuchFileException} whose message is only
 * the path, so "cannot create /proc/foo: /proc/foo" said nothing; here it becomes "No such file or directory".
 */
public final class IoErrors {
    private IoErrors() {}

    /** The reason alone, e.g. {@code No space left on device} or {@code Permission denied}. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null && !f.getReason().isBlank()) return f.getReason();
            String byType = reasonOf(f);
            if (byType != null) return byType;
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) return e.getClass().getSimpleName();
        if (e instanceof FileNotFoundException) { // java.io: "PATH (REASON)"
            int open = message.lastIndexOf(" (");
            if (open >= 0 && message.endsWith(")")) return message.substring(open + 2, message.length() - 1);
        }
        return message;
    }

    /**
     * {@code cannot WHAT PATH: REASON}, the form of every path error of the library.
     *
     * @param what e.g. {@code create the run folder}
     */
    public static String cannot(String what, Object path, IOException e) {
        return "cannot " + what + " " + path + ": " + reason(e);
    }

    /** The strerror text of the errno each NIO exception type stands for (they carry no reason of their own). */
    private static String reasonOf(FileSystemException e) {
        if (e instanceof NoSuchFileException) return "No such file or directory";
        if (e instanceof AccessDeniedException) return "Permission denied";
        if (e instanceof FileAlreadyExistsException) return "File exists";
        if (e instanceof DirectoryNotEmptyException) return "Directory not empty";
        if (e instanceof NotDirectoryException) return "Not a directory";
        if (e instanceof NotLinkException) return "Not a symbolic link";
        if (e instanceof FileSystemLoopException) return "Too many levels of symbolic links";
        return null;
    }
}
