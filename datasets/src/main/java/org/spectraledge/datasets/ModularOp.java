package org.spectraledge.datasets;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The binary operations a ∘ b mod p of Power et al. (2022), "Grokking: generalization beyond
 * overfitting on small algorithmic datasets" (framework §8 lists which of them grok).
 *
 * <p>Each constant has a short name, which is the public contract used on the command line and in
 * magics, and computes its result in [0, p). Operations that divide need a prime p (so that every
 * b ≠ 0 has an inverse b⁻¹ with b·b⁻¹ ≡ 1) and leave out the pairs they cannot define.
 *
 * <table>
 *   <caption>Operations</caption>
 *   <tr><th>name</th><th>result mod p</th><th>pairs (a, b)</th></tr>
 *   <tr><td>add</td><td>a + b</td><td>all p²</td></tr>
 *   <tr><td>sub</td><td>a − b</td><td>all p²</td></tr>
 *   <tr><td>mul</td><td>a · b</td><td>all p²</td></tr>
 *   <tr><td>div</td><td>a · b⁻¹</td><td>b ≠ 0: p(p − 1); p prime</td></tr>
 *   <tr><td>div_odd</td><td>a · b⁻¹ if b is odd, else a − b</td><td>all p²; p prime</td></tr>
 *   <tr><td>sq_sum</td><td>a² + b²</td><td>all p²</td></tr>
 *   <tr><td>quad</td><td>a² + ab + b²</td><td>all p²</td></tr>
 *   <tr><td>quad_a</td><td>a² + ab + b² + a</td><td>all p²</td></tr>
 *   <tr><td>cube</td><td>a³ + ab</td><td>all p²</td></tr>
 *   <tr><td>cube_ab2</td><td>a³ + ab² + b</td><td>all p²</td></tr>
 * </table>
 *
 * <p>{@code div_odd}, {@code quad_a} and {@code cube_ab2} are the further modular operations of
 * Power et al. (their "x/y if y odd else x−y", "x²+xy+y²+x" and "x³+xy²+y"); b = 0 is even, so
 * {@code div_odd} is defined on every pair.
 */
public enum ModularOp {

    /** a + b mod p. */
    ADD("add", "a + b", false, false) {
        @Override
        long compute(long a, long b, long p) {
            return a + b;
        }

        @Override
        String format(int a, int b) {
            return a + " + " + b;
        }
    },
    /** a − b mod p. */
    SUB("sub", "a − b", false, false) {
        @Override
        long compute(long a, long b, long p) {
            return a - b;
        }

        @Override
        String format(int a, int b) {
            return a + " − " + b;
        }
    },
    /** a · b mod p. */
    MUL("mul", "a · b", false, false) {
        @Override
        long compute(long a, long b, long p) {
            return a * b;
        }

        @Override
        String format(int a, int b) {
            return a + " · " + b;
        }
    },
    /** a / b = a · b⁻¹ mod p, for b ≠ 0 and p prime. */
    DIV("div", "a / b", true, true) {
        @Override
        long compute(long a, long b, long p) {
            return a * ModularArithmetic.inverse((int) b, (int) p);
        }

        @Override
        String format(int a, int b) {
            return a + " / " + b;
        }
    },
    /** a / b if b is odd, a − b if b is even (mod p, p prime). */
    DIV_ODD("div_odd", "a / b if b odd, else a − b", true, false) {
        @Override
        long compute(long a, long b, long p) {
            return b % 2 == 1 ? a * ModularArithmetic.inverse((int) b, (int) p) : a - b;
        }

        @Override
        String format(int a, int b) {
            return b % 2 == 1 ? a + " / " + b : a + " − " + b;
        }
    },
    /** a² + b² mod p. */
    SQ_SUM("sq_sum", "a² + b²", false, false) {
        @Override
        long compute(long a, long b, long p) {
            return a * a + b * b;
        }

        @Override
        String format(int a, int b) {
            return a + "² + " + b + "²";
        }
    },
    /** a² + ab + b² mod p. */
    QUAD("quad", "a² + ab + b²", false, false) {
        @Override
        long compute(long a, long b, long p) {
            return a * a + a * b + b * b;
        }

        @Override
        String format(int a, int b) {
            return a + "² + " + a + "·" + b + " + " + b + "²";
        }
    },
    /** a² + ab + b² + a mod p. */
    QUAD_A("quad_a", "a² + ab + b² + a", false, false) {
        @Override
        long compute(long a, long b, long p) {
            return a * a + a * b + b * b + a;
        }

        @Override
        String format(int a, int b) {
            return a + "² + " + a + "·" + b + " + " + b + "² + " + a;
        }
    },
    /** a³ + ab mod p. */
    CUBE("cube", "a³ + ab", false, false) {
        @Override
        long compute(long a, long b, long p) {
            // reduce a² first so a³ stays far below 2^63 for every allowed p
            return (a * a % p) * a + a * b;
        }

        @Override
        String format(int a, int b) {
            return a + "³ + " + a + "·" + b;
        }
    },
    /** a³ + ab² + b mod p. */
    CUBE_AB2("cube_ab2", "a³ + ab² + b", false, false) {
        @Override
        long compute(long a, long b, long p) {
            return (a * a % p) * a + a * (b * b % p) + b;
        }

        @Override
        String format(int a, int b) {
            return a + "³ + " + a + "·" + b + "² + " + b;
        }
    };

    private final String taskName;
    private final String formula;
    private final boolean needsPrime;
    private final boolean excludesZeroB;

    ModularOp(String taskName, String formula, boolean needsPrime, boolean excludesZeroB) {
        this.taskName = taskName;
        this.formula = formula;
        this.needsPrime = needsPrime;
        this.excludesZeroB = excludesZeroB;
    }

    /**
     * The result before reduction; a, b ∈ [0, p) and p ≤ {@link ModularArithmetic#MAX_P}, so no
     * intermediate value overflows a long.
     */
    abstract long compute(long a, long b, long p);

    /** The left-hand side with numbers filled in, e.g. "3² + 5²". */
    abstract String format(int a, int b);

    /**
     * a ∘ b mod p, in [0, p).
     *
     * @throws IllegalArgumentException if a or b is outside [0, p), b = 0 for {@code div}, or p is
     *     not prime for an operation that divides
     */
    public int apply(int a, int b, int p) {
        ModularArithmetic.checkModulus(this, p);
        if (a < 0 || a >= p || b < 0 || b >= p) {
            throw new IllegalArgumentException(
                    "operands must lie in [0, " + p + "), got a = " + a + ", b = " + b);
        }
        if (excludesZeroB && b == 0) {
            throw new IllegalArgumentException(taskName + " is undefined for b = 0 (no inverse of 0)");
        }
        return (int) Math.floorMod(compute(a, b, p), (long) p);
    }

    /** The short name used on the command line, e.g. {@code sq_sum}. */
    public String taskName() {
        return taskName;
    }

    /** The formula in a and b, e.g. "a² + ab + b²". */
    public String formula() {
        return formula;
    }

    /** Whether p must be prime (the operation uses b⁻¹). */
    public boolean needsPrime() {
        return needsPrime;
    }

    /** Whether the pairs with b = 0 are left out (p(p − 1) pairs instead of p²). */
    public boolean excludesZeroB() {
        return excludesZeroB;
    }

    /** The number of pairs (a, b) on which the operation is defined: p² or p(p − 1). */
    public int pairCount(int p) {
        return excludesZeroB ? p * (p - 1) : p * p;
    }

    /**
     * One example as text, e.g. {@code "3 + 5 = 8 (mod 59)"}.
     */
    public String describe(int a, int b, int p) {
        return format(a, b) + " = " + apply(a, b, p) + " (mod " + p + ")";
    }

    /**
     * The operation with this short name.
     *
     * @throws IllegalArgumentException naming the valid names if there is none
     */
    public static ModularOp parse(String name) {
        for (ModularOp op : values()) {
            if (op.taskName.equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown modular operation '" + name + "'; valid names: "
                + Arrays.stream(values()).map(ModularOp::taskName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return taskName;
    }
}
