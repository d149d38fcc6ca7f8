package org.spectraledge.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.spectraledge.train.model.ParameterLayout;
/**
 * A named selection of parameter tensors whose updates form one window (framework §1). Presets:
 * <ul>
 *   <li>{@code all} — every parameter;</li>
 *   <li>{@code trunk} — all but embeddings and unembedding (a name any of whose dotted parts is {@code embed},
 *       {@code pos_embed}, {@code unembed}, {@code embedding}, {@code lm_head});</li>
 *   <li>{@code attention} — the Q/K/V/O matrices of every layer (last dotted part {@code W_Q}, {@code W_K},
 *       {@code W_V} or {@code W_O}); the author's grokking runs capture this group;</li>
 *   <li>{@code layer:N} — everything under {@code blocks.N.};</li>
 *   <li>a comma-separated glob list, e.g. {@code blocks.0.*,embed} ({@code *} any characters, {@code ?} one).</li>
 * </ul>
 *
 * @param name     the group's name (used for file names such as {@code windows-attention.csv})
 * @param selector which tensor names belong to it
 */
public record ParameterGroup(String name, Predicate<String> selector) {

    private static final List<String> EMBEDDING_PARTS = List.of("embed", "pos_embed", "unembed", "embedding", "lm_head");
    private static final List<String> ATTENTION_PARTS = List.of("w_q", "w_k", "w_v", "w_o");

    public static ParameterGroup all() { return new ParameterGroup("all", n -> true); }

    public static ParameterGroup trunk() {
        return new ParameterGroup("trunk", n -> Arrays.stream(n.split("\\.")).noneMatch(p -> EMBEDDING_PARTS.contains(p.toLowerCase(Locale.ROOT))));
    }

    public static ParameterGroup attention() {
        return new ParameterGroup("attention", n -> ATTENTION_PARTS.contains(lastPart(n).toLowerCase(Locale.ROOT)));
    }

    public static ParameterGroup layer(int index) {
        if (index < 0) throw new IllegalArgumentException("layer index must be ≥ 0, got " + index);
        return new ParameterGroup("layer" + index, n -> n.startsWith("blocks." + index + "."));
    }

    /** Tensors whose full name matches any of the globs. */
    public static ParameterGroup glob(String name, List<String> globs) {
        if (globs.isEmpty()) throw new IllegalArgumentException("a glob group needs at least one pattern");
        List<Pattern> patterns = globs.stream().map(ParameterGroup::globToRegex).collect(Collectors.toList());
        return new ParameterGroup(name, n -> patterns.stream().anyMatch(p -> p.matcher(n).matches()));
    }

    /**
     * Parses a command-line group: {@code all}, {@code trunk}, {@code attention}, {@code layer:N}, or a
     * comma-separated glob list.
     */
    public static ParameterGroup parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) throw new IllegalArgumentException("empty group; use all, trunk, attention, layer:N or a glob list such as 'blocks.0.*'");
        switch (t) {
            case "all": return all();
            case "trunk": return trunk();
            case "attention": return attention();
            default: break;
        }
        if (t.startsWith("layer:")) {
            try {
                return layer(Integer.parseInt(t.substring(6)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad group '" + t + "': layer:N needs a layer number, e.g. layer:0");
            }
        }
        String fileSafe = t.replaceAll("[^A-Za-z0-9_.-]+", "_");
        return glob(fileSafe, Arrays.stream(t.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList()));
    }

    /**
     * The ranges of a snapshot that this group selects, in layout order.
     *
     * @throws IllegalArgumentException naming the group and the available tensor names when nothing matches
     */
    public Selection resolve(ParameterLayout layout) {
        List<ParameterLayout.Entry> chosen = layout.entries().stream().filter(e -> selector.test(e.name()) && e.length() > 0)
                .collect(Collectors.toList());
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("parameter group '" + name + "' matches no parameter; the model's parameters are: "
                    + layout.entries().stream().map(ParameterLayout.Entry::name).collect(Collectors.joining(", ")));
        }
        int[] offsets = chosen.stream().mapToInt(ParameterLayout.Entry::offset).toArray();
        int[] lengths = chosen.stream().mapToInt(ParameterLayout.Entry::length).toArray();
        return new Selection(name, chosen.stream().map(ParameterLayout.Entry::name).collect(Collectors.toList()), offsets, lengths);
    }

    /**
     * A resolved group.
     *
     * @param group   group name
     * @param names   the tensors selected, in snapshot order
     * @param offsets start of each selected tensor in the snapshot
     * @param lengths length of each selected tensor
     */
    public record Selection(String group, List<String> names, int[] offsets, int[] lengths) {
        public Selection {
            names = List.copyOf(names);
            offsets = offsets.clone();
            lengths = lengths.clone();
        }

        @Override public int[] offsets() { return offsets.clone(); }
        @Override public int[] lengths() { return lengths.clone(); }

        /** Number of parameters P in the group. */
        public int size() { return Arrays.stream(lengths).sum(); }

        /** True if snapshot position {@code index} lies in this group. */
        public boolean contains(long index) {
            for (int r = 0; r < offsets.length; r++) if (index >= offsets[r] && index < (long) offsets[r] + lengths[r]) return true;
            return false;
        }
    }

    private static String lastPart(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    private static Pattern globToRegex(String glob) {
        List<String> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) { parts.add(Pattern.quote(literal.toString())); literal.setLength(0); }
                parts.add(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) parts.add(Pattern.quote(literal.toString()));
        return Pattern.compile(String.join("", parts));
    }
}
