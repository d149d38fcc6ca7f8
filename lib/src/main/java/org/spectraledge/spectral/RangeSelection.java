package org.spectraledge.spectral;

import java.util.Arrays;

/** The concatenation of some ranges of an underlying vector (see {@link VectorSource#select}). */
final class RangeSelection implements VectorSource {
    private final VectorSource base;
    private final int[] offsets;
    private final int[] lengths;
    /** starts[r] = position of range r in the selection; starts[n] = total length. */
    private final int[] starts;

    RangeSelection(VectorSource base, int[] offsets, int[] lengths) {
        if (offsets.length != lengths.length) {
            throw new IllegalArgumentException("offsets and lengths differ in count: " + offsets.length + " vs " + lengths.length);
        }
        this.base = base;
        this.offsets = offsets.clone();
        this.lengths = lengths.clone();
        this.starts = new int[offsets.length + 1];
        long total = 0;
        for (int r = 0; r < offsets.length; r++) {
            if (offsets[r] < 0 || lengths[r] < 0 || (long) offsets[r] + lengths[r] > base.length()) {
                throw new IllegalArgumentException("range [" + offsets[r] + ", " + ((long) offsets[r] + lengths[r])
                        + ") lies outside a vector of length " + base.length());
            }
            starts[r] = (int) total;
            total += lengths[r];
        }
        if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("selection longer than 2^31-1 elements");
        starts[offsets.length] = (int) total;
    }

    @Override public int length() { return starts[starts.length - 1]; }

    @Override public void read(int offset, double[] dst, int count) {
        int r = Arrays.binarySearch(starts, offset);
        if (r < 0) r = -r - 2;
        double[] tmp = null;
        int done = 0;
        while (done < count) {
            while (lengths[r] == 0 || offset + done >= starts[r + 1]) r++;
            int within = offset + done - starts[r];
            int n = Math.min(count - done, lengths[r] - within);
            if (done == 0) {
                base.read(offsets[r] + within, dst, n);
            } else {
                if (tmp == null || tmp.length < n) tmp = new double[count];
                base.read(offsets[r] + within, tmp, n);
                System.arraycopy(tmp, 0, dst, done, n);
            }
            done += n;
        }
    }
}
