package io.k8s.cvefeed.cverecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk cache: round trip, and anything unreadable or unsafe is simply absent. */
class RecordCacheTest {
  @TempDir Path dir;

  @Test
  void shouldRoundTripAnEntryWithItsValidators() {
    RecordCache cache = new RecordCache(dir);
    byte[] body = "{\"x\":\n\n1}".getBytes(StandardCharsets.UTF_8);
    cache.put(
        "CVE-2024-0001",
        new RecordCache.Entry(Instant.parse("2026-01-01T00:00:00Z"), true, "\"e1\"", "Mon", body));

    RecordCache.Entry e = cache.get("CVE-2024-0001");

    assertThat(e).isNotNull();
    assertThat(e.fetched()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(e.found()).isTrue();
    assertThat(e.etag()).isEqualTo("\"e1\"");
    assertThat(e.lastModified()).isEqualTo("Mon");
    assertThat(e.body()).isEqualTo(body);
  }

  @Test
  void shouldTreatAMangledEntryAsAbsent() throws Exception {
    Files.writeString(
        dir.resolve("CVE-2024-0002.record"), "cvefeed-cve-record 1\nfetched: soon\n\n{}");
    Files.writeString(dir.resolve("CVE-2024-0003.record"), "something else");
    RecordCache cache = new RecordCache(dir);
    assertThat(cache.get("CVE-2024-0002")).isNull();
    assertThat(cache.get("CVE-2024-0003")).isNull();
  }

  @Test
  void shouldNeverUseAnIdThatIsNotOneAsAFileName() {
    RecordCache cache = new RecordCache(dir);
    cache.put("../escape", new RecordCache.Entry(Instant.EPOCH, true, null, null, new byte[0]));
    assertThat(cache.get("../escape")).isNull();
    assertThat(dir.getParent().resolve("escape.record")).doesNotExist();
  }
}
