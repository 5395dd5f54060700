package io.k8s.cvefeed.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/osv-legacy-diff.md in step with the extractor: fails when the committed file is not
 * what {@link OsvLegacyDiff} generates; {@code -Dosv.legacy.update=true} rewrites it.
 */
class OsvLegacyDiffTest {
  private static final Path DOC = Path.of("docs/osv-legacy-diff.md");

  @Test
  void shouldMatchCommittedLegacyDiff() throws Exception {
    Path data = RealIssues.dataDir();
    assumeTrue(Files.isDirectory(data.resolve("osv-legacy")), "shared data absent");
    String generated = OsvLegacyDiff.render(data);
    if (Boolean.getBoolean("osv.legacy.update")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, generated);
    }
    assertThat(DOC).as("docs/osv-legacy-diff.md; rerun with -Dosv.legacy.update=true").exists();
    assertThat(Files.readString(DOC))
        .as("docs/osv-legacy-diff.md is stale; rerun with -Dosv.legacy.update=true")
        .isEqualTo(generated);
  }

  @Test
  void shouldAgreeWithLegacyModuleNamesForNineInTenCvesAndExplainTheRest() throws Exception {
    Path data = RealIssues.dataDir();
    assumeTrue(Files.isDirectory(data.resolve("osv-legacy")), "shared data absent");

    int[] agreement = OsvLegacyDiff.packageAgreement(data);

    System.out.printf("package names agree with legacy: %d/%d%n", agreement[1], agreement[0]);
    assertThat(agreement[0]).isPositive();
    assertThat(agreement[1] * 10).isGreaterThanOrEqualTo(agreement[0] * 9);
    assertThat(OsvLegacyDiff.packageDisagreements(data))
        .allSatisfy(id -> assertThat(OsvLegacyNotes.WHY).containsKey(id));
  }
}
