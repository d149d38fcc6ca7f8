package org.spectraledge;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel's packages form layers (map in {@code org/spectraledge/kernel/package-info.java}): cells' runtime at the
 * bottom, then magics, the session that runs cells, the ways of running a session (Jupyter, headless, install), and
 * the command line on top. A new upward import, or a cycle, fails here naming the classes.
 */
class KernelLayeringTest {
    private static JavaClasses kernel;

    @BeforeAll
    static void importKernel() {
        kernel = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.spectraledge.kernel", "org.spectraledge.cli", "org.spectraledge.options");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.spectraledge.(**)").should().beFreeOfCycles().check(kernel);
    }

    @Test
    void layersPointDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("org.spectraledge.cli..")
                .layer("kernel").definedBy("org.spectraledge.kernel", "org.spectraledge.kernel.connection..")
                .layer("runners").definedBy("org.spectraledge.kernel.headless..", "org.spectraledge.kernel.install..")
                .layer("streams").definedBy("org.spectraledge.kernel.stream..")
                .layer("session").definedBy("org.spectraledge.kernel.session..")
                .layer("magics").definedBy("org.spectraledge.kernel.magics..", "org.spectraledge.kernel.maven..")
                .layer("options").definedBy("org.spectraledge.options..")
                .layer("runtime").definedBy("org.spectraledge.kernel.runtime..")
                .layer("display").definedBy("org.spectraledge.kernel.display..")
                .layer("execution").definedBy("org.spectraledge.kernel.execution..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("kernel").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("runners").mayOnlyBeAccessedByLayers("cli", "kernel")
                .whereLayer("streams").mayOnlyBeAccessedByLayers("cli", "kernel", "runners")
                .whereLayer("session").mayOnlyBeAccessedByLayers("cli", "kernel", "runners")
                .whereLayer("magics").mayOnlyBeAccessedByLayers("cli", "kernel", "runners", "session")
                .whereLayer("options").mayOnlyBeAccessedByLayers("cli", "magics")
                .whereLayer("runtime").mayOnlyBeAccessedByLayers("cli", "kernel", "runners", "session", "magics")
                .whereLayer("display").mayOnlyBeAccessedByLayers("cli", "kernel", "runners", "session", "magics", "runtime")
                .check(kernel);
    }
}
