package org.spectraledge.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum constants by their command-line names: the constant's name in lower case ({@code ADAMW} is {@code adamw}). */
final class ChoiceNames {
    private ChoiceNames() {}

    static String of(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** The names of all constants, comma-separated, for messages and help. */
    static <E extends Enum<E>> String all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ChoiceNames::of).collect(Collectors.joining(", "));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String option, String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (of(e).equals(wanted)) return e;
        }
        throw new InvalidOptionException(option, "must be one of " + all(type) + ", got '" + name + "'");
    }
}
