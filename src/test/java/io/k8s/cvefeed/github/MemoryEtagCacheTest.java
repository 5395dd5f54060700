package io.k8s.cvefeed.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MemoryEtagCacheTest {
  private static URI page(int n) {
    return URI.create("https://api.github.com/x?page=" + n);
  }

  private static EtagCache.Entry entry(String etag) {
    return new EtagCache.Entry(etag, null, new byte[] {'[', ']'});
  }

  @Test
  void shouldReturnStoredEntryUntilRemoved() {
    MemoryEtagCache cache = new MemoryEtagCache();
    cache.put(page(1), entry("a"));

    assertThat(cache.get(page(1))).extracting(EtagCache.Entry::etag).isEqualTo("a");
    cache.remove(page(1));
    assertThat(cache.get(page(1))).isNull();
  }

  @Test
  void shouldForgetLeastRecentlyUsedBeyondCapacity() {
    MemoryEtagCache cache = new MemoryEtagCache(2);
    cache.put(page(1), entry("a"));
    cache.put(page(2), entry("b"));
    cache.get(page(1)); // page 1 is now more recent than page 2
    cache.put(page(3), entry("c"));

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get(page(2))).isNull();
    assertThat(cache.get(page(1))).isNotNull();
    assertThat(cache.get(page(3))).isNotNull();
  }
}
