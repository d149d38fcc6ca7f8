package org.spectraledge.stats;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.spectraledge.testing.Python;

/**
 * Runs a Python script with numpy/scipy on a list of cases: the cases go to the script as a JSON file
 * ({@code sys.argv[1]}), and the script prints one JSON array of answers, one per case, in order.
 */
final class ScipyOracle {
    private static final Gson GSON = new Gson();
    /** Lines every script starts with: the imports and the cases as {@code cases}. */
    static final String PRELUDE = """
            import json, sys, math
            import numpy as np
            from scipy import stats
            cases = json.load(open(sys.argv[1]))
            """;

    private ScipyOracle() {}

    /** Skips or (under CI) fails unless numpy and scipy import. */
    static void require() {
        Python.require("numpy", "scipy");
    }

    /** The script's answers; the script body sees {@code cases} and must print a JSON array. */
    static JsonArray answers(String body, Object cases) throws IOException {
        Path input = Files.createTempFile("oracle-cases", ".json");
        try {
            Files.writeString(input, GSON.toJson(cases));
            String out = Python.check(PRELUDE + body, List.of(input.toString()));
            return JsonParser.parseString(out.strip()).getAsJsonArray();
        } finally {
            Files.deleteIfExists(input);
        }
    }
}
