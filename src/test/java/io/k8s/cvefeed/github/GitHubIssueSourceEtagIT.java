package io.k8s.cvefeed.github;

import static io.k8s.cvefeed.github.ListingFixture.ISSUES;
import static io.k8s.cvefeed.github.ListingFixture.TOKEN;
import static io.k8s.cvefeed.github.ListingFixture.numbers;
import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.github.ListingRoute.Truncate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link GitHubIssueSource} against {@link FakeGitHub}: ETags, 304s and the page cache. */
@Timeout(20)
class GitHubIssueSourceEtagIT {
  @RegisterExtension final ListingFixture fixture = new ListingFixture();

  @Test
  void shouldReuseCachedBodiesWhenNotModified(@TempDir Path cacheDir) throws Exception {
    fixture.github().listing(ISSUES, ListingJson.newestFirst(5), 2);
    FetchResult first =
        fixture.source(fixture.client().etagCache(new DirectoryEtagCache(cacheDir)), 2).fetch();

    // A new run: new client, same cache directory.
    FetchResult second =
        fixture.source(fixture.client().etagCache(new DirectoryEtagCache(cacheDir)), 2).fetch();

    assertThat(first.notModified()).isZero();
    assertThat(second.notModified()).isEqualTo(3);
    assertThat(second.issues()).isEqualTo(first.issues());
    assertThat(fixture.statuses).containsEntry(200, 3).containsEntry(304, 3);
    assertThat(fixture.github().requests().subList(3, 6))
        .allSatisfy(r -> assertThat(r.header("If-None-Match")).isPresent());
    try (Stream<Path> files = Files.list(cacheDir)) {
      assertThat(files.filter(f -> f.toString().endsWith(".page"))).hasSize(3);
    }
  }

  @Test
  void shouldCacheOnlyBodiesThatParsedAndNeverTheToken(@TempDir Path cacheDir) throws Exception {
    fixture.github().listing(ISSUES, ListingJson.newestFirst(6), 2).faultOnce(3, new Truncate());
    GitHubIssueSource first =
        fixture.source(
            fixture.client().token(TOKEN).etagCache(new DirectoryEtagCache(cacheDir)), 2);
    first.fetch();

    FetchResult second =
        fixture
            .source(fixture.client().token(TOKEN).etagCache(new DirectoryEtagCache(cacheDir)), 2)
            .fetch();

    assertThat(numbers(second)).isEqualTo(ListingJson.numbersDown(6));
    assertThat(second.notModified()).isEqualTo(3); // page 3's good body was cached, not the cut one
    try (Stream<Path> files = Files.list(cacheDir)) {
      for (Path file : files.toList()) {
        assertThat(Files.readString(file)).doesNotContain(TOKEN);
      }
    }
  }

  @Test
  void shouldRefetchPageWhoseCacheEntryIsCorrupt(@TempDir Path cacheDir) throws Exception {
    fixture.github().listing(ISSUES, ListingJson.newestFirst(5), 2);
    DirectoryEtagCache cache = new DirectoryEtagCache(cacheDir);
    FetchResult first = fixture.source(fixture.client().etagCache(cache), 2).fetch();
    try (Stream<Path> files = Files.list(cacheDir)) {
      for (Path file : files.toList()) {
        Files.writeString(file, "garbage"); // every entry unreadable
      }
    }

    FetchResult second = fixture.source(fixture.client().etagCache(cache), 2).fetch();

    assertThat(second.issues()).isEqualTo(first.issues());
    assertThat(second.notModified()).isZero();
    assertThat(fixture.statuses).containsEntry(200, 6).doesNotContainKey(304);
  }
}
