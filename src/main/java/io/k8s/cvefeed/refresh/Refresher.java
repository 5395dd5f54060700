package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.extract.Extraction;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.publish.Publisher;
import io.k8s.cvefeed.publish.Release;
import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.source.FetchResult;
import io.k8s.cvefeed.source.IssueSource;
import io.k8s.cvefeed.source.RawIssue;
import io.k8s.cvefeed.source.SourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One refresh cycle: fetch every labelled issue, extract advisories, render every format, and
 * publish to each target whose content digest differs. Reading GitHub fails before anything is
 * written; each target is gated, guarded and published on its own.
 */
public final class Refresher {
  /** The {@code updated_at} used while computing the content digest, so time never enters it. */
  static final Instant DIGEST_EPOCH = Instant.EPOCH;

  private final IssueSource source;
  private final Function<RawIssue, Extraction> extractor;
  private final Function<Feed, List<Artifact>> renderer;
  private final @Nullable BiFunction<Feed, List<Artifact>, List<Artifact>> restamper;
  private final List<Publisher> publishers;
  private final FeedInfo info;
  private final Clock clock;
  private final boolean allowShrink;
  private final AdvisoryCheck check;
  private final @Nullable ReleaseExtras extras;
  private final @Nullable ManifestSigner signer;
  private final List<RefreshListener> listeners;
  private final boolean speculate;

  /** The last snapshot; refreshes run one at a time (the service is single-flight). */
  private volatile @Nullable Snapshot last;

  private Refresher(Builder b) {
    this.source = Objects.requireNonNull(b.source, "source");
    this.extractor = Objects.requireNonNull(b.extractor, "extractor");
    this.renderer = Objects.requireNonNull(b.renderer, "renderer");
    this.restamper = b.restamper;
    this.publishers = List.copyOf(b.publishers);
    this.info = b.info;
    this.clock = b.clock;
    this.allowShrink = b.allowShrink;
    this.check = b.check;
    this.extras = b.extras;
    this.signer = b.signer;
    this.listeners = List.copyOf(b.listeners);
    this.speculate = b.speculate;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs one cycle. Throws, having written nothing, when GitHub cannot be read completely. */
  public RefreshReport refresh() throws SourceException, InterruptedException {
    Instant start = clock.instant();
    long t0 = System.nanoTime();
    FetchResult fetched = source.fetch();
    long t1 = System.nanoTime();
    Snapshot previous = last;
    // Stamping ahead pays when the feed changed; when every page answered 304, it most likely did
    // not, and the work would only compete with the digest for the cores.
    Stamping stamping = new Stamping(speculate && fetched.notModified() < fetched.pages());
    Snapshot snapshot = snapshot(previous, fetched.issues(), stamping);
    long t2 = System.nanoTime();
    Feed feed = snapshot.feed();
    List<String> items = snapshot.items();
    String digest = snapshot.digest();
    List<Diagnostic> diagnostics = snapshot.diagnostics();

    ReleaseOnce release = new ReleaseOnce(snapshot, stamping);
    List<TargetResult> results = new ArrayList<>();
    TargetGate gate = new TargetGate(allowShrink);
    for (Publisher publisher : publishers) {
      results.add(gate.publish(publisher, items, digest, release));
    }
    int skipped = (int) diagnostics.stream().filter(Diagnostic::skipsIssue).count();
    Instant end = clock.instant();
    long extractNanos = snapshot == previous ? 0 : snapshot.extractNanos();
    Phases phases =
        new Phases(
            Duration.ofNanos(t1 - t0),
            Duration.ofNanos(extractNanos),
            Duration.ofNanos(Math.max(0, t2 - t1 - extractNanos)),
            Duration.ofNanos(System.nanoTime() - t2));
    RefreshReport report =
        new RefreshReport(
            fetched.pages(),
            fetched.requests(),
            fetched.notModified(),
            fetched.rateLimitRemaining(),
            fetched.issues().size(),
            items.size(),
            skipped,
            diagnostics,
            results,
            digest,
            end,
            Duration.between(start, end),
            phases);
    listeners.forEach(l -> l.refreshed(report));
    return report;
  }

  /**
   * Extracts, checks and digests the issues, or reuses the last result when the issues are the same
   * (a long-running service whose pages all answered 304): an unchanged refresh then costs a
   * comparison, not a render.
   */
  private Snapshot snapshot(@Nullable Snapshot previous, List<RawIssue> issues, Stamping stamping)
      throws SourceException, InterruptedException {
    if (previous != null && previous.issues().equals(issues)) {
      return previous;
    }
    long t0 = System.nanoTime();
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Advisory> advisories = check.check(extractAll(issues, diagnostics), diagnostics);
    long extractNanos = System.nanoTime() - t0;
    Feed feed = new Feed(info, advisories, DIGEST_EPOCH);
    List<String> items = feed.items().stream().map(i -> i.id().value()).toList();
    List<Artifact> rendered = renderer.apply(feed);
    BiFunction<Feed, List<Artifact>, List<Artifact>> restamp = restamper;
    if (stamping.ahead && restamp != null) {
      stamping.start(feed, rendered, restamp);
    }
    Snapshot s =
        new Snapshot(
            issues,
            feed,
            items,
            Manifest.digestOf(rendered),
            List.copyOf(diagnostics),
            rendered,
            extractNanos);
    last = s;
    return s;
  }

  /** What a set of issues yields, up to the content digest. */
  private record Snapshot(
      List<RawIssue> issues,
      Feed feed,
      List<String> items,
      String digest,
      List<Diagnostic> diagnostics,
      List<Artifact> rendered,
      long extractNanos) {}

  private List<Advisory> extractAll(List<RawIssue> issues, List<Diagnostic> diagnostics) {
    List<Advisory> advisories = new ArrayList<>();
    // Extraction is pure and costs ~0.1 ms an issue: spread it over the cores, keep the order.
    List<Extraction> extractions = issues.parallelStream().map(extractor).toList();
    for (Extraction e : extractions) {
      diagnostics.addAll(e.diagnostics());
      if (e.advisory() != null) {
        advisories.add(e.advisory());
      }
    }
    return DuplicateIds.resolve(advisories, diagnostics);
  }

  /**
   * The release, built once, when the first changed target needs it: its {@code updated_at} is the
   * time the content was found changed.
   */
  private final class ReleaseOnce implements TargetGate.Releases {
    private final Snapshot snapshot;
    private final Stamping stamping;
    private @Nullable Release value;
    private @Nullable Release repair;

    ReleaseOnce(Snapshot snapshot, Stamping stamping) {
      this.snapshot = snapshot;
      this.stamping = stamping;
    }

    @Override
    public Release release(Publisher target, @Nullable Instant updatedAt)
        throws PublishException, InterruptedException {
      if (updatedAt == null) {
        Release r = value;
        if (r == null) {
          r = build(target, null);
          value = r;
        }
        return r;
      }
      Release r = repair;
      if (r == null || !r.manifest().updatedAt().equals(updatedAt)) {
        r = build(target, updatedAt);
        repair = r;
      }
      return r;
    }

    private Release build(Publisher first, @Nullable Instant at)
        throws PublishException, InterruptedException {
      List<Artifact> early = at == null ? stamping.result() : null;
      Instant now =
          at != null
              ? at
              : early != null
                  ? Objects.requireNonNull(stamping.now)
                  : clock.instant().truncatedTo(ChronoUnit.SECONDS);
      Feed stamped = snapshot.feed().withUpdatedAt(now);
      List<Artifact> artifacts = new ArrayList<>(early != null ? merge(early) : render(stamped));
      if (extras != null) {
        artifacts.addAll(extras.extras(stamped, List.copyOf(artifacts), now, first));
      }
      artifacts.sort(Comparator.comparing(Artifact::path));
      Manifest manifest = Manifest.of(snapshot.digest(), now, snapshot.items(), artifacts);
      if (signer != null) {
        artifacts.add(signer.sign(manifest.toArtifact()));
      }
      return new Release(artifacts, manifest);
    }

    /** Re-renders only what depends on the time, when the restamper says what that is. */
    private List<Artifact> render(Feed stamped) {
      BiFunction<Feed, List<Artifact>, List<Artifact>> restamp = restamper;
      if (restamp == null) {
        return renderer.apply(stamped);
      }
      return merge(restamp.apply(stamped, snapshot.rendered()));
    }

    /** The digest render with the time-stamped artifacts replaced. */
    private List<Artifact> merge(List<Artifact> restamped) {
      Map<String, Artifact> byPath = new LinkedHashMap<>();
      snapshot.rendered().forEach(a -> byPath.put(a.path(), a));
      restamped.forEach(a -> byPath.put(a.path(), a));
      return new ArrayList<>(byPath.values());
    }
  }

  /**
   * The release's time-stamped artifacts, stamped and hashed on another thread while the content
   * digest is computed on this one: the two SHA-256 passes over a large feed then take the time of
   * one. Used only when the builder asked for it and GitHub sent at least one new page; when the
   * digest shows nothing changed after all, the work is dropped.
   */
  private final class Stamping {
    final boolean ahead;
    private @Nullable Instant now;
    private @Nullable CompletableFuture<List<Artifact>> result;

    Stamping(boolean ahead) {
      this.ahead = ahead;
    }

    void start(
        Feed feed,
        List<Artifact> rendered,
        BiFunction<Feed, List<Artifact>, List<Artifact>> restamp) {
      Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      now = at;
      CompletableFuture<List<Artifact>> future = new CompletableFuture<>();
      Thread thread =
          new Thread(
              () -> {
                try {
                  List<Artifact> stamped = restamp.apply(feed.withUpdatedAt(at), rendered);
                  stamped.forEach(Artifact::sha256);
                  future.complete(stamped);
                } catch (RuntimeException | Error e) {
                  future.completeExceptionally(e);
                }
              },
              "cvefeed-stamp");
      thread.setDaemon(true);
      thread.start();
      result = future;
    }

    /** The stamped artifacts, or {@code null} when there are none (not started, or failed). */
    @Nullable List<Artifact> result() throws InterruptedException {
      CompletableFuture<List<Artifact>> f = result;
      if (f == null) {
        return null;
      }
      try {
        return f.get();
      } catch (ExecutionException e) {
        return null; // render the usual way, which reports the problem if it recurs
      }
    }
  }

  /** Builds a {@link Refresher}; source, extractor and renderer are required. */
  public static final class Builder {
    private @Nullable IssueSource source;
    private @Nullable Function<RawIssue, Extraction> extractor;
    private @Nullable Function<Feed, List<Artifact>> renderer;
    private @Nullable BiFunction<Feed, List<Artifact>, List<Artifact>> restamper;
    private List<Publisher> publishers = List.of();
    private FeedInfo info = FeedInfo.OFFICIAL;
    private Clock clock = Clock.systemUTC();
    private boolean allowShrink;
    private AdvisoryCheck check = (advisories, diagnostics) -> advisories;
    private @Nullable ReleaseExtras extras;
    private @Nullable ManifestSigner signer;
    private final List<RefreshListener> listeners = new ArrayList<>();
    private boolean speculate;

    private Builder() {}

    /**
     * Stamps and hashes the release's time-stamped artifacts on a second thread while the content
     * digest is computed, before knowing whether anything changed, when GitHub sent at least one
     * new page. For one-shot runs on more than one core: it saves a pass over the largest file when
     * the feed changed, and costs that pass on the other core when it did not. A service, which
     * mostly sees no change, leaves it off.
     */
    public Builder speculate(boolean speculate) {
      this.speculate = speculate;
      return this;
    }

    /** Where issues come from. */
    public Builder source(IssueSource source) {
      this.source = source;
      return this;
    }

    /** Reads one issue; called from several threads at once, so it must be thread-safe. */
    public Builder extractor(Function<RawIssue, Extraction> extractor) {
      this.extractor = extractor;
      return this;
    }

    /** Renders every format of a feed, {@code manifest.json} excepted. */
    public Builder renderer(Function<Feed, List<Artifact>> renderer) {
      this.renderer = renderer;
      return this;
    }

    /**
     * Renders only the formats whose bytes depend on {@link Feed#updatedAt()}, given the digest
     * render of the same feed (so a renderer may patch its time stamp instead of rendering again);
     * the release reuses the digest render for every other artifact. Without it, the release
     * renders everything again.
     */
    public Builder restamper(BiFunction<Feed, List<Artifact>, List<Artifact>> restamper) {
      this.restamper = restamper;
      return this;
    }

    /** The targets, in order; the first is also where previous state is read from. */
    public Builder publishers(List<Publisher> publishers) {
      this.publishers = List.copyOf(publishers);
      return this;
    }

    public Builder info(FeedInfo info) {
      this.info = info;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Publish even when the shrink guard objects. */
    public Builder allowShrink(boolean allowShrink) {
      this.allowShrink = allowShrink;
      return this;
    }

    /** A step after extraction, e.g. the label provenance check. */
    public Builder check(AdvisoryCheck check) {
      this.check = check;
      return this;
    }

    /** Artifacts derived from the change, e.g. the change history. */
    public Builder extras(ReleaseExtras extras) {
      this.extras = extras;
      return this;
    }

    /** Signs {@code manifest.json}. */
    public Builder signer(ManifestSigner signer) {
      this.signer = signer;
      return this;
    }

    /** Hears every refresh that got as far as publishing. */
    public Builder listener(RefreshListener listener) {
      this.listeners.add(listener);
      return this;
    }

    public Refresher build() {
      return new Refresher(this);
    }
  }
}
