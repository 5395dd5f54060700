package io.k8s.cvefeed.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.k8s.cvefeed.model.CveId;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Titles of the real announcements in shared/data/k8s-issues agree with the corpus ids. */
class RealTitlesTest {

  @Test
  void shouldAgreeWithCorpusIdsWhereverTitleCarriesThem() throws Exception {
    assumeTrue(Files.isRegularFile(RealIssues.issuesFile()), "shared data absent");
    Extractor extractor = new Extractor();
    int agreed = 0;
    for (RealIssues.Entry entry : RealIssues.load()) {
      Extraction e = extractor.extract(entry.issue());
      String title = entry.issue().title();
      if (e.skipped()) {
        // Stale titles (placeholders, original bug titles) must not start with an id.
        assertThat(title).as("skipped title").doesNotContainPattern("^(\\[[^]]*] )?CVE-");
        assertThat(e.diagnostics()).anySatisfy(d -> assertThat(d.skipsIssue()).isTrue());
        continue;
      }
      List<String> ids = e.advisory().ids().stream().map(CveId::value).toList();
      assertThat(ids)
          .as("ids of #%d %s", entry.issue().number(), title)
          .isEqualTo(entry.corpusIds());
      agreed++;
    }
    // 64 issues, of which 8 carry a placeholder or the original bug title.
    assertThat(agreed).isEqualTo(56);
  }
}
