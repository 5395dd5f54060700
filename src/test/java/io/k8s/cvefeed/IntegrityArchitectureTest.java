package io.k8s.cvefeed;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The edges of `label` and `integrity` (STYLE.md §1, docs/adr/005-integrity-package.md). */
class IntegrityArchitectureTest {
  private static final String ROOT = "io.k8s.cvefeed";
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void labelShouldSeeOnlySourceExtractAndModel() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".label..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".render..",
            ROOT + ".publish..",
            ROOT + ".refresh..",
            ROOT + ".server..",
            ROOT + ".integrity..")
        .check(classes);
  }

  @Test
  void onlyTheCliShouldUseIntegrity() {
    classes()
        .that()
        .resideOutsideOfPackages(ROOT + ".integrity..", ROOT + ".cli..")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackage(ROOT + ".integrity..")
        .check(classes);
  }
}
