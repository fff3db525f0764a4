package app.vernissage.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency direction: core (images, masks, document, brush, history) knows neither JavaFX
 * nor ONNX Runtime nor the engine; the diffusion engine knows no JavaFX and no command line; only
 * the front ends (cli, ui) sit on top.
 */
class DependencyDirectionTest {
    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.vernissage");
    }

    @Test
    void coreImportsNoFrameworks() {
        noClasses().that().resideInAPackage("app.vernissage.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "ai.onnxruntime..", "ai.djl..",
                        "org.controlsfx..", "org.kordamp..", "picocli..", "app.vernissage.engine..",
                        "app.vernissage.cli..", "app.vernissage.ui..", "org.opencv..", "nu.pattern..",
                        "app.vernissage.fill..")
                .check(classes);
    }

    @Test
    void engineImportsNoUserInterface() {
        noClasses().that().resideInAPackage("app.vernissage.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp..",
                        "picocli..", "app.vernissage.cli..", "app.vernissage.ui..")
                .check(classes);
    }

    @Test
    void commandLineDoesNotReachIntoTheEditor() {
        noClasses().that().resideInAPackage("app.vernissage.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "app.vernissage.ui..")
                .check(classes);
    }

    @Test
    void onlyTheRuntimePackageTalksToOnnxRuntimeSessions() {
        noClasses().that().resideOutsideOfPackages("app.vernissage.engine.runtime..")
                .should().dependOnClassesThat().resideInAPackage("ai.onnxruntime..")
                .check(classes);
    }

    @Test
    void onlyTheFillPackageTalksToOpenCv() {
        noClasses().that().resideOutsideOfPackages("app.vernissage.fill..")
                .should().dependOnClassesThat().resideInAnyPackage("org.opencv..", "nu.pattern..")
                .check(classes);
    }

    @Test
    void noOneWritesToStandardStreamsExceptTheEntryPoint() {
        noClasses().that().resideOutsideOfPackages("app.vernissage")
                .and().resideOutsideOfPackages("app.vernissage.cli..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(classes);
    }
}
