package org.spectraledge.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.spectraledge.capture.UpdateCapture;

import org.spectraledge.train.model.NamedParameter;
import org.spectraledge.train.StatefulOptimizer;
/**
 * A training checkpoint: everything needed to continue a run so that its logs come out identical to an uninterrupted
 * run's — the step, how many rows each log had, the weights (by stable name), the optimizer state, and the update
 * capture's windows. The minibatch order needs no state: it is a function of (seed, step).
 *
 * <p>File {@code checkpoints/step-N.ckpt}, written to a temporary file and renamed, so a kill never leaves half a
 * checkpoint under the real name, and a failed write deletes its temporary file; the last 8 bytes are a CRC-32 of the rest, so a damaged file is recognised.
 */
public final class Checkpoint {
    private static final String MAGIC = "spectral-edge checkpoint";
    private static final int VERSION = 1;
    /** Checkpoints kept; older ones are deleted, so a damaged newest one still leaves one to resume from. */
    private static final int KEEP = 2;

    /**
     * What a checkpoint restored.
     *
     * @param step        optimizer steps taken when it was written
     * @param metricsRows rows of metrics.csv at that moment
     * @param windowRows  rows of each group's window CSV at that moment
     */
    public record Restored(long step, int metricsRows, Map<String, Integer> windowRows) {}

    private Checkpoint() {}

    /** Writes {@code folder/checkpoints/step-N.ckpt} and deletes all but the newest {@value #KEEP}. */
    public static Path save(RunFolder folder, long step, List<NamedParameter> parameters, StatefulOptimizer optimizer,
                            UpdateCapture capture) throws IOException {
        capture.drain(); // every window row of the steps so far is in the log before its row count is taken
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(step);
            out.writeInt(folder.loggedRows(folder.metrics()));
            out.writeInt(capture.groups().size());
            for (String g : capture.groups()) {
                out.writeUTF(g);
                out.writeInt(folder.loggedRows(folder.windows(g)));
            }
            writeModel(out, parameters, optimizer);
            capture.save(out);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        bytes.write(ByteBuffer.allocate(8).putLong(crc.getValue()).array());
        Path file = folder.checkpoints().resolve("step-" + step + ".ckpt");
        Path tmp = folder.checkpoints().resolve("step-" + step + ".ckpt.tmp");
        try {
            // java.io, not Files.write: an NIO channel would refuse to write once the training thread is interrupted
            try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                bytes.writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a partial file would keep a full disk full and be mistaken for progress; the previous checkpoints stay
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        List<Path> all = list(folder);
        for (int i = 0; i < all.size() - KEEP; i++) Files.deleteIfExists(all.get(i));
        return file;
    }

    /**
     * Deletes the temporary files of checkpoints whose writing was cut off (a killed process leaves one behind).
     *
     * @return the files deleted
     */
    public static List<Path> deleteUnfinished(RunFolder folder) throws IOException {
        if (!Files.isDirectory(folder.checkpoints())) return List.of();
        List<Path> unfinished;
        try (Stream<Path> s = Files.list(folder.checkpoints())) {
            unfinished = s.filter(p -> p.getFileName().toString().matches("step-\\d+\\.ckpt\\.tmp")).toList();
        }
        for (Path p : unfinished) Files.deleteIfExists(p);
        return unfinished;
    }

    /** The checkpoint files of a run, oldest first. */
    public static List<Path> list(RunFolder folder) throws IOException {
        if (!Files.isDirectory(folder.checkpoints())) return List.of();
        try (Stream<Path> s = Files.list(folder.checkpoints())) {
            return s.filter(p -> p.getFileName().toString().matches("step-\\d+\\.ckpt"))
                    .sorted((a, b) -> Long.compare(stepOf(a), stepOf(b))).toList();
        }
    }

    /**
     * Restores a checkpoint into a freshly built experiment and capture.
     *
     * @throws CheckpointException if the file is damaged or belongs to another configuration
     */
    public static Restored load(Path file, List<NamedParameter> parameters, StatefulOptimizer optimizer,
                                UpdateCapture capture) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < 8) throw new CheckpointException(file, "it is shorter than a checkpoint can be (" + all.length + " bytes)");
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        if (crc.getValue() != ByteBuffer.wrap(all, all.length - 8, 8).getLong()) {
            throw new CheckpointException(file, "its checksum does not match (the file is damaged or truncated)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 8))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
                throw new CheckpointException(file, "it is not a spectral-edge checkpoint of format " + VERSION);
            }
            long step = in.readLong();
            int metricsRows = in.readInt();
            Map<String, Integer> windowRows = new LinkedHashMap<>();
            int groups = in.readInt();
            for (int i = 0; i < groups; i++) windowRows.put(in.readUTF(), in.readInt());
            readModel(in, parameters, optimizer, problem -> new CheckpointException(file, problem));
            capture.load(in);
            return new Restored(step, metricsRows, windowRows);
        }
    }

    /** Writes the weights (by stable name) and the optimizer state: the model part of a checkpoint or a branch point. */
    static void writeModel(DataOutputStream out, List<NamedParameter> parameters, StatefulOptimizer optimizer) throws IOException {
        out.writeInt(parameters.size());
        for (NamedParameter p : parameters) {
            out.writeUTF(p.name());
            byte[] encoded = p.parameter().getArray().encode();
            out.writeInt(encoded.length);
            out.write(encoded);
        }
        Map<String, String> nameOfId = parameters.stream()
                .collect(Collectors.toMap(p -> p.parameter().getId(), NamedParameter::name));
        optimizer.saveState(out, nameOfId::get);
    }

    /**
     * Reads what {@link #writeModel} wrote into the model's weights and the optimizer.
     *
     * @param problem turns a description of a mismatch into the exception to throw
     */
    static void readModel(DataInputStream in, List<NamedParameter> parameters, StatefulOptimizer optimizer,
                          Function<String, IOException> problem) throws IOException {
        int n = in.readInt();
        if (n != parameters.size()) throw problem.apply("it holds " + n + " parameters but the model has " + parameters.size());
        Map<String, String> idOfName = new LinkedHashMap<>();
        for (NamedParameter p : parameters) {
            String name = in.readUTF();
            if (!name.equals(p.name())) throw problem.apply("parameter '" + name + "' where the model has '" + p.name() + "'");
            byte[] encoded = new byte[in.readInt()];
            in.readFully(encoded);
            NDArray target = p.parameter().getArray();
            try (NDManager scope = target.getManager().newSubManager()) {
                NDArray saved = NDArray.decode(scope, encoded);
                if (!saved.getShape().equals(target.getShape())) {
                    throw problem.apply("parameter '" + name + "' has shape " + saved.getShape() + " but the model's is "
                            + target.getShape());
                }
                saved.copyTo(target);
            }
            idOfName.put(name, p.parameter().getId());
        }
        optimizer.loadState(in, idOfName::get);
    }

    private static long stepOf(Path p) {
        String n = p.getFileName().toString();
        return Long.parseLong(n.substring(5, n.length() - 5));
    }

    /** A checkpoint that cannot be used; the message names the file, the problem and what to do. */
    public static final class CheckpointException extends IOException {
        public CheckpointException(Path file, String problem) {
            super("checkpoint " + file + " cannot be used: " + problem
                    + ". Delete it to resume from the previous checkpoint, or start the run again.");
        }
    }
}
