package org.spectraledge.options;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spectraledge.run.InvalidOptionException;
import org.spectraledge.run.TrainConfig;

/**
 * The arguments of {@code spectral-edge train} and of {@code %train}, as {@link TrainOptionSpecs#arguments} reads them.
 *
 * @param options the training options as given (names without dashes; a repeated option has several values)
 * @param out     the run folder, if given
 * @param resume  whether {@code --resume} was given
 */
public record TrainArguments(Map<String, List<String>> options, Optional<Path> out, boolean resume) {

    public TrainArguments {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options)); // the first bad option is reported
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
}
