package org.spectraledge.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A folder a command writes its results into ({@code train --out}, {@code sweep --out}): it must be new, empty, or
 * one this project wrote before (recognised by the file it always writes). A folder with other files in it belongs
 * to the user, and writing there could overwrite their {@code metrics.csv} or {@code results.csv}.
 */
public final class OutputFolder {
    private OutputFolder() {}

    /**
     * Checks {@code dir} before anything is written.
     *
     * @param dir    the folder (need not exist)
     * @param marker the file that marks a folder of this kind, e.g. {@code summary.json}
     * @param kind   what such a folder is called, e.g. {@code run folder}
     * @param option the option that chose it, e.g. {@code --out}
     * @return whether {@code dir} is already a folder of this kind (holds {@code marker})
     * @throws IllegalArgumentException if {@code dir} is a file, or a non-empty folder of another kind
     * @throws UncheckedIOException     if it cannot be listed, with the operating system's reason
     */
    public static boolean check(Path dir, String marker, String kind, String option) {
        if (!Files.exists(dir)) return false;
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is a file, not a folder; choose another " + option);
        }
        if (Files.exists(dir.resolve(marker))) return true;
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException(dir + " is not empty and is not a " + kind + " (it has no " + marker
                        + "); its files are left alone. Choose a new or empty folder with " + option + ".");
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.cannot("read the folder", dir, e), e);
        }
    }
}
