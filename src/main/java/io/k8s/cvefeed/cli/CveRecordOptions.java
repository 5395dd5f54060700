package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.config.Durations;
import io.k8s.cvefeed.config.Problems;
import io.k8s.cvefeed.config.RefreshConfig;
import io.k8s.cvefeed.config.UsageException;
import io.k8s.cvefeed.cverecord.CveRecords;
import io.k8s.cvefeed.cverecord.RecordMode;
import io.k8s.cvefeed.cverecord.RecordStep;
import io.k8s.cvefeed.github.Sleeper;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The CVE record source's options; a mixin of {@link RefreshOptions}. */
final class CveRecordOptions {
  /**
   * A system property the build sets to {@code off} for tests, so that no test reaches cve.org
   * unless it names a mode and a fake API; unset everywhere else.
   */
  static final String TEST_DEFAULT = "cvefeed.test.cve-records-default";

  /** Records in flight at once. */
  static final int CONCURRENCY = 4;

  /** How long one record request may take. */
  static final Duration TIMEOUT = Duration.ofSeconds(15);

  @Option(
      names = "--cve-records",
      paramLabel = "off|fill|check",
      description =
          "The CNA's CVE records (cve.org): fill what an issue leaves out (fixed versions, ranges,"
              + " CVSS), also report every disagreement (check), or do not read them (off)"
              + " (default: ${DEFAULT-VALUE}).")
  String mode = System.getProperty(TEST_DEFAULT, "fill");

  @Option(
      names = "--cve-records-ttl",
      paramLabel = "DURATION",
      description =
          "How long a fetched CVE record is used without asking again; a record is asked for"
              + " early when its issue changed (default: ${DEFAULT-VALUE}).")
  String ttl = "24h";

  @Option(
      names = "--cve-api",
      paramLabel = "URL",
      description =
          "CVE Services API base; a record is GET {URL}/cve/{CVE-ID} (default: ${DEFAULT-VALUE}).")
  String api = CveRecords.DEFAULT_API.toString();

  /** The source built by {@link #step}, for {@code serve}'s metrics; {@code null} when off. */
  private @Nullable CveRecords source;

  /**
   * Adds a problem for each of these options that does not parse; {@link RefreshOptions#toConfig}
   * calls it with the other options' problems, so that a run reports them all at once.
   */
  void validate(Problems problems) {
    problems.check(this::recordMode);
    problems.check(this::timeToLive);
    problems.check(this::base);
  }

  /** The refresh step, or {@code null} with {@code --cve-records off}. */
  @Nullable RecordStep step(RefreshConfig config, Clock clock) throws UsageException {
    RecordMode m = recordMode();
    Duration t = timeToLive();
    URI base = base();
    if (m == RecordMode.OFF) {
      return null;
    }
    CveRecords records =
        new CveRecords(
            base,
            config.cacheDir().resolve(CveRecords.CACHE_DIR),
            t,
            CONCURRENCY,
            CveRecords.httpClient(),
            TIMEOUT,
            clock,
            Sleeper.system());
    source = records;
    return new RecordStep(records, m);
  }

  /** The mode and API: a change of either changes the feed, so makes the next refresh full. */
  String salt() {
    return "cve-records " + mode + " " + api;
  }

  @Nullable CveRecords source() {
    return source;
  }

  private RecordMode recordMode() throws UsageException {
    try {
      return RecordMode.parse(mode);
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()));
    }
  }

  private Duration timeToLive() throws UsageException {
    Duration t = Durations.parse("--cve-records-ttl", ttl);
    if (t.isNegative() || t.isZero()) {
      throw new UsageException("--cve-records-ttl " + ttl + ": must be positive; e.g. 24h");
    }
    return t;
  }

  private URI base() throws UsageException {
    try {
      URI uri = new URI(api.endsWith("/") ? api.substring(0, api.length() - 1) : api);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
        throw new UsageException(
            "--cve-api " + api + ": not an http(s) URL; e.g. " + CveRecords.DEFAULT_API);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException(
          "--cve-api "
              + api
              + ": not a URL ("
              + e.getReason()
              + "); e.g. "
              + CveRecords.DEFAULT_API);
    }
  }
}
