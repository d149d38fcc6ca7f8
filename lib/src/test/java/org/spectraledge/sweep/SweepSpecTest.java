package org.spectraledge.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectraledge.run.OptimizerKind;

/** Sweep files: the grid's product and order, run lists, ids, columns, and errors that name the key and run. */
class SweepSpecTest {

    @Test
    void aGridIsTheCartesianProductWithTheLastKeyFastest() {
        SweepSpec s = SweepSpec.parse("{\"base\": {\"task\": \"add\", \"p\": 23}, \"grid\": {\"wd\": [0, 1], \"seed\": [1, 2, 3]}}");
        assertEquals(List.of("r001-wd=0-seed=1", "r002-wd=0-seed=2", "r003-wd=0-seed=3",
                "r004-wd=1-seed=1", "r005-wd=1-seed=2", "r006-wd=1-seed=3"), s.runs().stream().map(RunSpec::runId).toList());
        assertEquals(List.of("task", "p", "wd", "seed"), s.keys());
        RunSpec r5 = s.runs().get(4);
        assertEquals(4, r5.index());
        assertEquals(Map.of("task", "add", "p", "23", "wd", "1", "seed", "2"), r5.columns());
        assertEquals(1.0, r5.config().wd());
        assertEquals(2, r5.config().seed());
        assertEquals(23, r5.config().p());
        assertEquals(59, SweepSpec.parse("{\"grid\": {\"seed\": [1]}}").runs().get(0).config().p(), "defaults fill the rest");
    }

    @Test
    void theSameFileAlwaysGivesTheSameIds() {
        String json = "{\"grid\": {\"lr\": [1e-3, 3e-3], \"group\": [\"all\", [\"trunk\", \"attention\"]]}}";
        assertEquals(SweepSpec.parse(json), SweepSpec.parse(json));
        assertEquals(List.of("r001-lr=1e-3-group=all", "r002-lr=1e-3-group=trunk+attention", "r003-lr=3e-3-group=all",
                "r004-lr=3e-3-group=trunk+attention"), SweepSpec.parse(json).runs().stream().map(RunSpec::runId).toList());
        assertEquals(List.of("trunk", "attention"), SweepSpec.parse(json).runs().get(1).config().groups());
        assertEquals("trunk;attention", SweepSpec.parse(json).runs().get(1).columns().get("group"));
    }

    @Test
    void aRunListKeepsFileOrderAndOverridesTheBase() {
        SweepSpec s = SweepSpec.parse("{\"base\": {\"wd\": 1, \"steps\": 100}, \"runs\": [{\"seed\": 4}, {\"wd\": 0, \"optimizer\": \"sgd\"}]}");
        assertEquals(List.of("r001-seed=4", "r002-wd=0-optimizer=sgd"), s.runs().stream().map(RunSpec::runId).toList());
        assertEquals(List.of("wd", "steps", "seed", "optimizer"), s.keys());
        assertEquals(Map.of("wd", "1", "steps", "100", "seed", "4", "optimizer", "adamw"), s.runs().get(0).columns(),
                "a key a run does not set shows its default");
        assertEquals(0.0, s.runs().get(1).config().wd());
        assertEquals(OptimizerKind.SGD, s.runs().get(1).config().optimizer());
    }

    @Test
    void idsPadToTheNumberOfRuns() {
        StringBuilder seeds = new StringBuilder();
        for (int i = 0; i < 1000; i++) seeds.append(i == 0 ? "" : ",").append(i);
        SweepSpec s = SweepSpec.parse("{\"grid\": {\"seed\": [" + seeds + "]}}");
        assertEquals("r0001-seed=0", s.runs().get(0).runId());
        assertEquals("r1000-seed=999", s.runs().get(999).runId());
        assertEquals(2, SweepSpec.parse("{\"runs\": [{\"threads\": 1}, {\"threads\": 2}]}").maxThreads());
    }

    @Test
    void errorsNameTheKeyAndTheRun() {
        assertError("{\"grid\": {\"wd\": [0, 1], \"sed\": [1]}}", "grid: unknown key \"sed\"; the valid keys are the training options: task, p, frac, model,");
        assertError("{\"base\": {\"lr\": 1, \"wdd\": 0}, \"grid\": {\"wd\": [0]}}", "base: unknown key \"wdd\"");
        assertError("{\"runs\": [{\"wd\": 0}, {\"x\": 0}]}", "runs[1]: unknown key \"x\"");
        assertError("{\"grid\": {\"wd\": [0, -1]}}", "run r002-wd=-1: \"wd\" must be a weight decay ≥ 0, got -1.0");
        assertError("{\"grid\": {\"steps\": [\"many\"]}}", "run r001-steps=many: \"steps\" must be an integer, got 'many'");
        assertError("{\"grid\": {\"wd\": []}}", "grid: \"wd\" must be a non-empty list");
        assertError("{\"grid\": {\"wd\": 1}}", "grid: \"wd\" must be a non-empty list");
        assertError("{\"grid\": {\"wd\": [[0, 1]]}}", "grid: \"wd\" must be a number or a string");
        assertError("{\"base\": {}}", "give exactly one of \"grid\"");
        assertError("{\"grid\": {\"wd\": [0]}, \"runs\": [{}]}", "give exactly one of \"grid\"");
        assertError("{\"grid\": {\"wd\": [0]}, \"sweep\": 1}", "unknown section \"sweep\"");
        assertError("{\"runs\": []}", "\"runs\" must be a non-empty list");
        assertError("[1, 2]", "a sweep file is a JSON object");
        assertError("{\"grid\": ", "not valid JSON");
        IllegalArgumentException json = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse("{\"grid\": {\"wd\": [0, 1}\n"));
        assertEquals("not valid JSON at line 1, column 23: unterminated array (in grid → wd)", json.getMessage());
    }

    @Test
    void malformedJsonIsDescribedInOurWordsWithLineAndColumn() {
        IllegalArgumentException trailing = assertThrows(IllegalArgumentException.class,
                () -> SweepSpec.parse("{\"grid\": {\"wd\": [0]}}\n x"));
        assertEquals("not valid JSON at line 2, column 3: text after the end of the JSON value, or a syntax error", trailing.getMessage());
        IllegalArgumentException comma = assertThrows(IllegalArgumentException.class,
                () -> SweepSpec.parse("{\"base\": {\"steps\": 10,},\n \"grid\": {\"wd\": [0]}}"));
        assertEquals("not valid JSON at line 1, column 24: expected a key in double quotes (is there a comma too many?) (in base → steps)",
                comma.getMessage());
        for (String message : List.of(trailing.getMessage(), comma.getMessage())) {
            assertFalse(message.contains("JsonReader") || message.contains("Exception") || message.contains("$"), message);
        }
    }

    private static void assertError(String json, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(json), json);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
