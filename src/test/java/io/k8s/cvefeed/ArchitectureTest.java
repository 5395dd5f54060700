package io.k8s.cvefeed;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every architecture rule, in one place. Data moves one way: source → extract → model → render →
 * publish; cli on top (STYLE.md §1, docs/adr/001-pipeline-packages.md).
 */
class ArchitectureTest {
  private static final String ROOT = "io.k8s.cvefeed";
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  private static String pkg(String name) {
    return ROOT + "." + name + "..";
  }

  @Test
  void modelShouldDependOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage(pkg("model"))
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.jspecify..", pkg("model"))
        .check(classes);
  }

  /** The atomic-write helper is shared by every layer, so it may use nothing of ours. */
  @Test
  void filesShouldDependOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage(pkg("files"))
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.jspecify..", pkg("files"))
        .check(classes);
  }

  @Test
  void netShouldDependOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage(pkg("net"))
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "javax.net..", "org.jspecify..", pkg("net"))
        .check(classes);
  }

  @Test
  void nothingShouldDependOnTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage(pkg("cli"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(pkg("cli"))
        .check(classes);
  }

  @Test
  void sourceShouldNotReachDownstream() {
    noClasses()
        .that()
        .resideInAPackage(pkg("github"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            pkg("extract"), pkg("render"), pkg("publish"), pkg("refresh"), pkg("server"))
        .check(classes);
  }

  @Test
  void extractShouldBePureOfIoLayers() {
    noClasses()
        .that()
        .resideInAPackage(pkg("extract"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            pkg("render"), pkg("publish"), pkg("refresh"), pkg("server"), "java.net.http..")
        .check(classes);
  }

  @Test
  void renderShouldSeeOnlyTheModel() {
    noClasses()
        .that()
        .resideInAPackage(pkg("render"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            pkg("github"), pkg("extract"), pkg("publish"), pkg("refresh"), pkg("server"))
        .check(classes);
  }

  @Test
  void publishShouldNotReachUpstream() {
    noClasses()
        .that()
        .resideInAPackage(pkg("publish"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(pkg("github"), pkg("extract"), pkg("refresh"), pkg("server"))
        .check(classes);
  }

  @Test
  void eachCloudSdkShouldStayInItsOwnPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage(pkg("publish.gcs"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.google.cloud.storage..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage(pkg("publish.s3"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("software.amazon.awssdk..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage(pkg("publish.git"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.jgit..")
        .check(classes);
  }

  @Test
  void checkShouldSeeOnlyTheModel() {
    noClasses()
        .that()
        .resideInAPackage(pkg("check"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(pkg("render"), pkg("publish"), pkg("refresh"), pkg("server"))
        .check(classes);
  }

  @Test
  void onlyCheckShouldTalkToAClusterThroughFabric8() {
    noClasses()
        .that()
        .resideOutsideOfPackage(pkg("check"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.fabric8..")
        .check(classes);
  }

  @Test
  void cveRecordsShouldSitBetweenExtractAndRefresh() {
    noClasses()
        .that()
        .resideInAPackage(pkg("cverecord"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(pkg("render"), pkg("publish"), pkg("server"), pkg("check"))
        .check(classes);
    noClasses()
        .that()
        .resideInAnyPackage(pkg("model"), pkg("extract"), pkg("render"), pkg("check"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(pkg("cverecord"))
        .check(classes);
  }

  @Test
  void onlyTheCliShouldExitTheProcess() {
    noClasses()
        .that()
        .resideOutsideOfPackage(pkg("cli"))
        .should()
        .callMethod(System.class, "exit", int.class)
        .check(classes);
  }

  /** label finds unlabelled announcements: it reads issues and titles, and publishes nothing. */
  @Test
  void labelShouldSeeOnlySourceExtractAndModel() {
    noClasses()
        .that()
        .resideInAPackage(pkg("label"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            pkg("render"), pkg("publish"), pkg("refresh"), pkg("server"), pkg("integrity"))
        .check(classes);
  }

  /** Trust checks are wired in by the CLI only (docs/adr/005-integrity-package.md). */
  @Test
  void onlyTheCliShouldUseIntegrity() {
    classes()
        .that()
        .resideOutsideOfPackages(pkg("integrity"), pkg("cli"))
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackage(pkg("integrity"))
        .check(classes);
  }

  /**
   * history sits beside refresh: it reads published files and hears refreshes, nothing upstream.
   */
  @Test
  void historyShouldNotReachSourceExtractCheckOrServer() {
    noClasses()
        .that()
        .resideInAPackage(pkg("history"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(pkg("github"), pkg("extract"), pkg("check"), pkg("server"))
        .check(classes);
  }
}
