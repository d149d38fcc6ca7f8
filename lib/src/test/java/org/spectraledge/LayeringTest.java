package org.spectraledge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library's packages form layers, each using only the ones below it (the map is in
 * {@code org/spectraledge/package-info.java}). A new import that points upwards, or a cycle, fails here with the
 * offending classes named.
 */
class LayeringTest {
    private static JavaClasses lib;

    @BeforeAll
    static void importLibrary() {
        lib = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.spectraledge");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.spectraledge.(**)").should().beFreeOfCycles().check(lib);
    }

    @Test
    void layersPointDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("sweep").definedBy("org.spectraledge.sweep..")
                .layer("plot").definedBy("org.spectraledge.plot..")
                .layer("evidence").definedBy("org.spectraledge.evidence..")
                .layer("intervention").definedBy("org.spectraledge.intervention..")
                .layer("run").definedBy("org.spectraledge.run..")
                .layer("theory").definedBy("org.spectraledge.theory..")
                .layer("table").definedBy("org.spectraledge.table..")
                .layer("capture").definedBy("org.spectraledge.capture..")
                .layer("train").definedBy("org.spectraledge.train..")
                .layer("platform").definedBy("org.spectraledge.platform..")
                .layer("events").definedBy("org.spectraledge.events..")
                .layer("foundations").definedBy("org.spectraledge.spectral..", "org.spectraledge.io..",
                        "org.spectraledge.stats..")
                .layer("datasets").definedBy("org.spectraledge.datasets..")
                .whereLayer("sweep").mayNotBeAccessedByAnyLayer()
                .whereLayer("plot").mayOnlyBeAccessedByLayers("sweep")
                .whereLayer("evidence").mayOnlyBeAccessedByLayers("sweep", "plot")
                .whereLayer("intervention").mayOnlyBeAccessedByLayers("sweep", "plot")
                .whereLayer("run").mayOnlyBeAccessedByLayers("sweep", "plot", "intervention")
                .whereLayer("theory").mayOnlyBeAccessedByLayers("sweep", "plot", "run", "intervention")
                .whereLayer("table").mayOnlyBeAccessedByLayers("sweep", "evidence", "plot", "run", "theory", "intervention")
                .whereLayer("capture").mayOnlyBeAccessedByLayers("sweep", "run", "theory", "plot", "intervention")
                .whereLayer("train").mayOnlyBeAccessedByLayers("sweep", "run", "theory", "capture", "plot", "intervention")
                .whereLayer("platform").mayOnlyBeAccessedByLayers("sweep", "run", "theory", "capture", "train")
                .whereLayer("events").mayOnlyBeAccessedByLayers("sweep", "evidence", "intervention", "plot", "run", "theory",
                        "table", "capture", "train")
                .withOptionalLayers(true)
                .check(lib);
    }

    @Test
    void theLibraryKnowsNothingOfTheKernel() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.spectraledge.kernel..",
                "org.spectraledge.cli..", "org.spectraledge.options..", "org.dflib.jjava..").check(lib);
    }
}
