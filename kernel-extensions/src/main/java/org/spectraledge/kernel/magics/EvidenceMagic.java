package org.spectraledge.kernel.magics;

import java.util.List;
import org.spectraledge.evidence.PrecursorEvaluation;
import org.spectraledge.evidence.PrecursorEvaluator;
import org.spectraledge.kernel.execution.CellEvaluator;
import org.spectraledge.kernel.execution.CellException;
import org.spectraledge.kernel.execution.CellResult;
import org.spectraledge.kernel.execution.UserCodeException;
import org.spectraledge.options.EvidenceOptions;
import org.spectraledge.options.OptionParsing;
import org.spectraledge.options.UsageException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code %evidence DIR [--horizon H] [--settle S] …}: the gap event judged as a precursor over a sweep's runs, with
 * the arguments of {@code spectral-edge evidence}; the cell's value is the {@link PrecursorEvaluation}, shown as its
 * report (alarm table, lead times, ROC/AUC with intervals, search-start sensitivity).
 */
final class EvidenceMagic {

    static final String USAGE = "%evidence DIR [--horizon H] [--settle S] [--group G] [--csv OUT]";

    private final CellEvaluator evaluator;

    EvidenceMagic(CellEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The magic's options, those of {@code spectral-edge evidence}: a fresh spec (and options object) per call. */
    private static CommandSpec spec(EvidenceOptions options) {
        return OptionParsing.magic("evidence", USAGE, "Judges the gap event as a precursor of grokking over a sweep's"
                + " runs (framework §7b); the cell's value is the evaluation.", options);
    }

    static String usage() {
        return OptionParsing.usage(spec(new EvidenceOptions()));
    }

    CellResult run(MagicCall call) throws CellException {
        EvidenceOptions args = new EvidenceOptions();
        try {
            OptionParsing.parse(spec(args), call.arguments());
            args.folder();
            args.settings();
        } catch (UsageException e) {
            throw new MagicException(call, e.getMessage() + "\n" + usage());
        }
        try {
            PrecursorEvaluation evaluation = evaluator.runAsCell(() -> PrecursorEvaluator.evaluate(args.folder(), args.settings()));
            args.csv().ifPresent(evaluation::writeCsv);
            return CellResult.of(evaluation);
        } catch (CellException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new MagicException(call, e.getMessage());
        } catch (Exception e) {
            throw new UserCodeException(e.getClass().getName(), String.valueOf(e.getMessage()),
                    List.of(e.getClass().getName() + ": " + e.getMessage()));
        }
    }

    /** Completes option names after {@code -}. */
    static List<String> complete(List<String> before, String word) {
        return OptionParsing.complete(spec(new EvidenceOptions()), before, word);
    }
}
