package org.spectraledge.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of a {@link BbpExperiment}: detection rate over (shape, d/d_crit).
 *
 * @param points         one per shape and strength, shapes in the order given, strengths ascending
 * @param nu             the noise level ν
 * @param falseAlarmRate α, the detection rate of pure noise by construction
 * @param trials         Monte Carlo windows per point (and for each shape's null threshold)
 */
public record BbpPhaseDiagram(List<BbpPoint> points, double nu, double falseAlarmRate, int trials) {

    public BbpPhaseDiagram {
        points = List.copyOf(points);
        if (points.isEmpty()) throw new IllegalArgumentException("a phase diagram needs at least one point");
    }

    /** The shapes {W, P} in the order they were run. */
    public List<int[]> shapes() {
        List<int[]> out = new ArrayList<>();
        for (BbpPoint p : points) {
            if (out.stream().noneMatch(s -> s[0] == p.window() && s[1] == p.parameters())) {
                out.add(new int[] {p.window(), p.parameters()});
            }
        }
        return out;
    }

    /** The points of one shape, strengths ascending. */
    public List<BbpPoint> curve(int window, int parameters) {
        List<BbpPoint> c = points.stream().filter(p -> p.window() == window && p.parameters() == parameters)
                .collect(Collectors.toList());
        if (c.isEmpty()) throw new IllegalArgumentException("no points for W=" + window + ", P=" + parameters);
        return c;
    }
}
