package io.k8s.cvefeed.history;

import static io.k8s.cvefeed.history.HistoryFixtures.advisory;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.k8s.cvefeed.model.Severity;
import io.k8s.cvefeed.model.Status;
import java.io.StringReader;
import java.util.Date;
import org.junit.jupiter.api.Test;

class AtomChangesTest {
  @Test
  void shouldPublishOneAtomEntryPerEventWithUniqueIds() throws Exception {
    Harness h = new Harness();
    h.refresh(
        advisory("CVE-2026-2001", "First <b>bold</b> & co", Status.OPEN, Severity.HIGH, "1.31.1"));
    h.refresh(
        advisory("CVE-2026-2001", "First <b>bold</b> & co", Status.FIXED, Severity.HIGH, "1.31.1"),
        advisory("CVE-2026-2002", "Second\u0001", Status.OPEN, null, "1.31.2"));

    SyndFeed feed = new SyndFeedInput().build(new StringReader(h.file(ChangeHistory.ATOM_PATH)));

    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(feed.getEntries())
        .extracting(SyndEntry::getTitle)
        .containsExactly(
            "CVE-2026-2002 added: Second",
            "CVE-2026-2001 status changed from open to fixed: First <b>bold</b> & co",
            "feed first published with 1 CVEs");
    assertThat(feed.getEntries()).extracting(SyndEntry::getUri).doesNotHaveDuplicates();
    assertThat(feed.getEntries().get(0).getLink())
        .isEqualTo("https://github.com/kubernetes/kubernetes/issues/102002");
    assertThat(feed.getPublishedDate()).isEqualTo(Date.from(h.now()));
  }
}
