package org.spectraledge.options;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.spectraledge.run.InvalidOptionException;
import org.spectraledge.run.TrainConfig;

/**
 * The arguments of {@code spectral-edge train}, parsed in one place for the command and the notebook's
 * {@code %train} magic: every {@link TrainConfig} option ({@code --task add --steps 3000 …}), {@code --out DIR}
 * ({@code -o}), {@code --resume}, and options a caller adds (the magic's {@code --live-every}).
 *
 * @param options the training options as given (names without dashes; {@code group} may repeat)
 * @param out     the run folder, if given
 * @param resume  whether {@code --resume} was given
 * @param extras  the caller's additional options, by name
 */
public record TrainArguments(Map<String, List<String>> options, Optional<Path> out, boolean resume, Map<String, String> extras) {

    public TrainArguments {
        options = Map.copyOf(options);
        extras = Map.copyOf(extras);
    }

    /**
     * Parses {@code args}.
     *
     * @param extraOptions names of additional value-taking options the caller understands
     * @throws UsageException naming the bad argument
     */
    public static TrainArguments parse(List<String> args, Set<String> extraOptions) {
        Set<String> valued = new HashSet<>(TrainConfig.DEFAULTS.keySet());
        valued.add("out");
        valued.addAll(extraOptions);
        Arguments parsed = new Arguments(args, valued, Set.of("resume"), Map.of("o", "out"));
        if (!parsed.positional().isEmpty()) throw new UsageException("unexpected argument '" + parsed.positional().get(0) + "'");
        Map<String, List<String>> options = new LinkedHashMap<>(parsed.valueOptions());
        options.remove("out");
        Map<String, String> extras = new LinkedHashMap<>();
        for (String name : extraOptions) {
            if (options.containsKey(name)) extras.put(name, parsed.string(name, null));
            options.remove(name);
        }
        Optional<Path> out = parsed.has("out") ? Optional.of(Path.of(parsed.string("out", null))) : Optional.empty();
        boolean resume = parsed.flag("resume");
        if (resume && !options.isEmpty()) {
            throw new UsageException("--resume takes the configuration from the run folder; give only --out");
        }
        return new TrainArguments(options, out, resume, extras);
    }

    /**
     * The training configuration: the options given, defaults for the rest.
     *
     * @throws UsageException naming the option with a bad value and what it must be
     */
    public TrainConfig config() {
        try {
            return TrainConfig.parse(options);
        } catch (InvalidOptionException e) {
            throw new UsageException(e.asCommandLine());
        }
    }

    /** The names of every option after {@code --} (for completion), in the order of the usage text. */
    public static List<String> optionNames() {
        List<String> names = new java.util.ArrayList<>(TrainConfig.DEFAULTS.keySet());
        names.add("out");
        names.add("resume");
        return names;
    }

    /** The option list of the usage text: one line per option with its default, then what the values mean. */
    public static String optionsHelp() {
        StringBuilder b = new StringBuilder("options (default):");
        TrainConfig.DEFAULTS.forEach((k, v) -> b.append(String.format("%n  --%-18s %s", k + " X", v)));
        b.append(String.join("\n", "",
                "",
                "  task: add sub mul div sq_sum quad cube (and the other modular ops), dyck, scan, parity",
                "  model: mlp (fast grokking MLP), nanda (1 layer, no LayerNorm), transformer (2 layers; dyck and scan use it); 0 = preset size",
                "  optimizer: adamw, sgd, muon    group: all, trunk, attention, layer:N or globs; repeat --group for several",
                "  batch 0 = full batch; clip/target 0 = off; stride 0 = 1 below 10^6 parameters, else 100"));
        return b.toString();
    }
}
