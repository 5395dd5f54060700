package io.k8s.cvefeed.history;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** history sits beside refresh: it reads published files and hears refreshes, nothing upstream. */
class HistoryBoundaryTest {
  @Test
  void historyShouldNotReachSourceExtractCheckOrServer() {
    noClasses()
        .that()
        .resideInAPackage("io.k8s.cvefeed.history..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.k8s.cvefeed.source..",
            "io.k8s.cvefeed.extract..",
            "io.k8s.cvefeed.check..",
            "io.k8s.cvefeed.server..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.k8s.cvefeed"));
  }
}
