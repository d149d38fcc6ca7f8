package org.spectraledge.datasets;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The tasks by their public names, as typed on the command line and in magics: the modular
 * operations of {@link ModularOp} ({@code add, sub, mul, div, div_odd, sq_sum, quad, quad_a, cube,
 * cube_ab2}), then {@code dyck}, {@code scan} and {@code parity}.
 */
public enum TaskName {
    ADD(ModularOp.ADD),
    SUB(ModularOp.SUB),
    MUL(ModularOp.MUL),
    DIV(ModularOp.DIV),
    DIV_ODD(ModularOp.DIV_ODD),
    SQ_SUM(ModularOp.SQ_SUM),
    QUAD(ModularOp.QUAD),
    QUAD_A(ModularOp.QUAD_A),
    CUBE(ModularOp.CUBE),
    CUBE_AB2(ModularOp.CUBE_AB2),
    /** Dyck-1 depth prediction ({@link DyckDepth}). */
    DYCK(null),
    /** SCAN commands → actions ({@link Scan}). */
    SCAN(null),
    /** Sparse parity ({@link SparseParity}). */
    PARITY(null);

    /** The modulus of {@link #defaults} for modular tasks: p = 97 as in framework §8. */
    public static final int DEFAULT_P = 97;

    private final ModularOp op;

    TaskName(ModularOp op) {
        this.op = op;
    }

    /** The name used on the command line, e.g. {@code sq_sum}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is a modular-arithmetic task. */
    public boolean isModular() {
        return op != null;
    }

    /**
     * The operation of a modular task.
     *
     * @throws IllegalStateException for dyck, scan and parity
     */
    public ModularOp modularOp() {
        if (op == null) {
            throw new IllegalStateException(cliName() + " is not a modular-arithmetic task");
        }
        return op;
    }

    /** The task of a modular operation. */
    public static TaskName of(ModularOp op) {
        for (TaskName task : values()) {
            if (task.op == op) {
                return task;
            }
        }
        throw new IllegalArgumentException("no task for operation " + op);
    }

    /**
     * The task with this name (surrounding spaces and letter case are ignored).
     *
     * @throws IllegalArgumentException listing the valid names if there is none
     */
    public static TaskName parse(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (TaskName task : values()) {
            if (task.cliName().equals(wanted)) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "'; valid tasks: " + validNames());
    }

    /** All task names, comma-separated, in declaration order. */
    public static String validNames() {
        return Arrays.stream(values()).map(TaskName::cliName).collect(Collectors.joining(", "));
    }

    /**
     * The task's dataset with every generator default and the given seed: modular tasks use
     * p = {@value #DEFAULT_P} and train fraction 0.5; the others use their builders' defaults.
     */
    public TaskDataset defaults(long seed) {
        return switch (this) {
            case DYCK -> DyckDepth.builder().optSeed(seed).build();
            case SCAN -> Scan.builder().optSeed(seed).build();
            case PARITY -> SparseParity.builder().optSeed(seed).build();
            default -> ModularArithmetic.builder().setOp(op).setP(DEFAULT_P).optSeed(seed).build();
        };
    }

    @Override
    public String toString() {
        return cliName();
    }
}
