package io.k8s.cvefeed.cverecord;

import io.k8s.cvefeed.github.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The record source: the CVE record of every id, from the cache while it is fresh (younger than the
 * TTL and than its issue's last change), else from the API with a conditional request, a few at a
 * time. Never throws for the API's sake: a failure yields the cached record or none, with a
 * warning.
 */
public final class CveRecords {
  public static final URI DEFAULT_API = URI.create("https://cveawg.mitre.org/api");
  public static final Duration DEFAULT_TTL = Duration.ofHours(24);

  /** Where records live under {@code --cache-dir}. */
  public static final String CACHE_DIR = "cve-records";

  private final CveApi api;
  private final RecordCache cache;
  private final Duration ttl;
  private final Clock clock;
  private final int concurrency;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong fromCache = new AtomicLong();
  private volatile int unavailable;
  private volatile @Nullable Long lastSuccess;

  /**
   * @param api the API base, e.g. {@link #DEFAULT_API}
   * @param cacheDir where records are kept
   * @param http from {@link #httpClient()}, or a test's
   * @param sleeper waits for a short {@code Retry-After}
   */
  public CveRecords(
      URI api,
      Path cacheDir,
      Duration ttl,
      int concurrency,
      HttpClient http,
      Duration timeout,
      Clock clock,
      Sleeper sleeper) {
    this.api = new CveApi(api, http, timeout, Duration.ofSeconds(10), sleeper);
    this.cache = new RecordCache(cacheDir);
    this.ttl = ttl;
    this.clock = clock;
    this.concurrency = Math.max(1, concurrency);
  }

  /** The one place the record source's {@link HttpClient} is built (proxy settings go here). */
  public static HttpClient httpClient() {
    return CveApi.httpClient();
  }

  /**
   * The record of every id, by id.
   *
   * @param updatedById each id with its issue's {@code updated_at}: a record fetched before it is
   *     fetched again, even within the TTL
   */
  public Map<String, Lookup> lookup(Map<String, Instant> updatedById) throws InterruptedException {
    cache.putIds(updatedById);
    List<String> ids = new ArrayList<>(updatedById.keySet());
    Map<String, Lookup> out = new TreeMap<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, ids.size())));
    try {
      List<Future<Lookup>> futures = new ArrayList<>();
      for (String id : ids) {
        Instant updated = updatedById.get(id);
        futures.add(pool.submit(() -> one(id, updated == null ? Instant.EPOCH : updated)));
      }
      for (int i = 0; i < ids.size(); i++) {
        try {
          out.put(ids.get(i), futures.get(i).get());
        } catch (ExecutionException e) {
          out.put(
              ids.get(i),
              new Lookup.Unavailable(
                  ids.get(i) + ": reading the record failed (" + e.getCause() + ")"));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    unavailable = (int) out.values().stream().filter(l -> l instanceof Lookup.Unavailable).count();
    return out;
  }

  /**
   * Whether any id's record is due for a refetch at {@code at} (missing, older than the TTL or than
   * its issue).
   */
  public boolean due(Map<String, Instant> updatedById, Instant at) {
    for (Map.Entry<String, Instant> e : updatedById.entrySet()) {
      RecordCache.Entry entry = cache.get(e.getKey());
      if (entry == null || !fresh(entry, at, e.getValue())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A fingerprint of the records the next lookup at {@code at} would use, for the refresh's
   * unchanged fast path: the content of every cached record the last lookup asked for, or, when one
   * of them is due for a refetch (or nothing is remembered), a value unique to {@code at}.
   */
  public String fingerprint(Instant at) {
    Map<String, Instant> ids = cache.ids();
    if (ids == null || due(ids, at)) {
      return "due " + at;
    }
    StringBuilder s = new StringBuilder();
    for (String id : ids.keySet()) {
      RecordCache.Entry entry = cache.get(id);
      s.append(id).append(' ');
      s.append(entry == null || !entry.found() ? "missing" : sha256(entry.body())).append('\n');
    }
    return sha256(s.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A digest of what the lookups hold: a changed record changes it. */
  public static String digest(Map<String, Lookup> lookups) {
    StringBuilder s = new StringBuilder();
    new TreeMap<>(lookups)
        .forEach(
            (id, l) -> {
              s.append(id).append(' ');
              if (l instanceof Lookup.Found f) {
                s.append(f.sha256());
              } else {
                s.append(l instanceof Lookup.Missing ? "missing" : "unavailable");
              }
              s.append('\n');
            });
    return sha256(s.toString().getBytes(StandardCharsets.UTF_8));
  }

  public Health health() {
    return new Health(requests.get(), failures.get(), fromCache.get(), unavailable, lastSuccess);
  }

  private boolean fresh(RecordCache.Entry entry, Instant at, Instant issueUpdated) {
    return entry.fetched().plus(ttl).isAfter(at) && !entry.fetched().isBefore(issueUpdated);
  }

  private Lookup one(String id, Instant issueUpdated) throws InterruptedException {
    RecordCache.Entry entry = cache.get(id);
    Instant now = clock.instant();
    if (entry != null && fresh(entry, now, issueUpdated)) {
      fromCache.incrementAndGet();
      return cached(id, entry, null);
    }
    requests.incrementAndGet();
    CveApi.Answer answer =
        api.get(
            id, entry == null ? null : entry.etag(), entry == null ? null : entry.lastModified());
    if (answer instanceof CveApi.Answer.Fresh f) {
      try {
        CveRecord record = RecordParser.parse(id, id + " from " + api.uri(id).getHost(), f.body());
        cache.put(id, new RecordCache.Entry(now, true, f.etag(), f.lastModified(), f.body()));
        succeeded();
        return new Lookup.Found(record, null, sha256(f.body()));
      } catch (RecordException e) {
        return failed(id, entry, String.valueOf(e.getMessage()));
      }
    }
    if (answer instanceof CveApi.Answer.NotModified && entry != null) {
      cache.put(id, entry.refreshed(now));
      succeeded();
      return cached(id, entry, null);
    }
    if (answer instanceof CveApi.Answer.NotFound) {
      cache.put(id, new RecordCache.Entry(now, false, null, null, new byte[0]));
      succeeded();
      return new Lookup.Missing(null);
    }
    String reason =
        answer instanceof CveApi.Answer.Failed failed
            ? failed.reason()
            : "the API answered 304 Not Modified to a request without a cached record";
    return failed(id, entry, id + ": " + reason);
  }

  private void succeeded() {
    lastSuccess = clock.instant().getEpochSecond();
  }

  private Lookup failed(String id, RecordCache.@Nullable Entry entry, String reason) {
    failures.incrementAndGet();
    if (entry == null) {
      return new Lookup.Unavailable(reason + "; the feed goes without its record this time");
    }
    return cached(id, entry, reason + "; using the record fetched at " + entry.fetched());
  }

  private static Lookup cached(String id, RecordCache.Entry entry, @Nullable String warning) {
    if (!entry.found()) {
      return new Lookup.Missing(warning);
    }
    try {
      return new Lookup.Found(
          RecordParser.parse(id, id + " (cached)", entry.body()), warning, sha256(entry.body()));
    } catch (RecordException e) {
      return new Lookup.Unavailable(
          e.getMessage() + "; the feed goes without its record this time");
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
