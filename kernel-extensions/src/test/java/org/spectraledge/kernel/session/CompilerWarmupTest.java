package org.spectraledge.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.platform.IdlePriority;

/** The kernel's compiler warm-up: it compiles its whole mix, waits while cells run, stops when closed. */
class CompilerWarmupTest {

    /** Session JShells, recording on which scheduling policy the warm-up thread asked for one. */
    private static final class Evaluators implements Supplier<CellEvaluator> {
        final AtomicInteger policy = new AtomicInteger(-2);

        @Override
        public CellEvaluator get() {
            policy.set(IdlePriority.policyOfCurrentThread());
            return NotebookSession.startEvaluator();
        }
    }

    @Test
    void everySnippetOfTheMixEvaluatesWithTheStartupImportsAtIdlePriority() throws Exception {
        Evaluators evaluators = new Evaluators();
        int n = 2 * CompilerWarmup.MIX.size();   // twice, so that redeclaring each name works too
        try (CompilerWarmup warmup = new CompilerWarmup(evaluators, n)) {
            warmup.start();
            assertTrue(warmup.awaitEnd(120_000), "the warm-up ends");
            assertEquals(n, warmup.evaluated());
            assertEquals(0, warmup.failed(), "a snippet of the mix fails: it no longer fits the startup imports");
        }
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            assertEquals(IdlePriority.SCHED_IDLE, evaluators.policy.get(), "Linux: the warm-up runs as SCHED_IDLE");
        }
    }

    @Test
    void waitsWhileACellRunsAndForAQuietMomentAfterIt() throws Exception {
        try (CompilerWarmup warmup = new CompilerWarmup(new Evaluators(), 3)) {
            warmup.pause();                 // a cell is running when the session comes up
            warmup.start();
            Thread.sleep(CompilerWarmup.QUIET_MILLIS * 2);
            assertEquals(0, warmup.evaluated(), "nothing is compiled while a cell runs");
            warmup.resume();
            long ended = System.nanoTime();
            assertTrue(warmup.awaitEnd(120_000));
            assertEquals(3, warmup.evaluated());
            assertTrue(System.nanoTime() - ended >= CompilerWarmup.QUIET_MILLIS * 1_000_000, "it waited for a quiet moment");
        }
    }

    @Test
    void closingStopsItBeforeItsNextSnippet() throws Exception {
        CompilerWarmup warmup = new CompilerWarmup(new Evaluators(), 100_000);
        warmup.start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (warmup.evaluated() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        warmup.close();
        assertTrue(warmup.awaitEnd(30_000), "closed, the warm-up ends");
        assertTrue(warmup.evaluated() > 0 && warmup.evaluated() < 100_000, "it stopped early: " + warmup.evaluated());
    }

    @Test
    void zeroSnippetsStartsNoJShell() throws Exception {
        CompilerWarmup warmup = new CompilerWarmup(() -> {
            throw new AssertionError("no JShell is started for a warm-up of 0 snippets");
        }, 0);
        warmup.start();
        assertTrue(warmup.awaitEnd(1_000));
        assertEquals(0, warmup.evaluated());
    }

    @Test
    void theSnippetCountComesFromTheEnvironmentAndABadOneIsNamed() {
        assertEquals(CompilerWarmup.DEFAULT_SNIPPETS, CompilerWarmup.parseSnippets(null));
        assertEquals(CompilerWarmup.DEFAULT_SNIPPETS, CompilerWarmup.parseSnippets(" "));
        assertEquals(0, CompilerWarmup.parseSnippets("0"));
        assertEquals(250, CompilerWarmup.parseSnippets(" 250 "));
        for (String bad : new String[] {"-1", "many", "1e3"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompilerWarmup.parseSnippets(bad));
            assertTrue(e.getMessage().startsWith(CompilerWarmup.SNIPPETS_VARIABLE + "=" + bad), e.getMessage());
            assertTrue(e.getMessage().contains("set it to 0"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new CompilerWarmup(new Evaluators(), -1));
    }
}
