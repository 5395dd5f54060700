package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.github.FetchResult;
import io.k8s.cvefeed.github.IssueSource;
import io.k8s.cvefeed.github.SourceException;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.publish.Publisher;
import io.k8s.cvefeed.publish.Release;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One refresh cycle: fetch every labelled issue, extract advisories, render them, and publish to
 * each target that does not hold this content yet. Reading GitHub fails before anything is written;
 * each target is gated and published on its own ({@link TargetGate}). When the inputs equal those
 * of the last refresh ({@link LastRelease}) and every target still holds what they gave, nothing is
 * extracted, rendered or hashed.
 */
public final class Refresher {
  /** The {@code updated_at} used while computing the content digest, so time never enters it. */
  static final Instant DIGEST_EPOCH = Instant.EPOCH;

  private final IssueSource source;
  private final SnapshotMaker maker;
  private final FeedRenderer renderer;
  private final List<Publisher> publishers;
  private final TargetGate gate;
  private final LastRelease last;
  private final String salt;
  private final ExtraInputs extraInputs;
  private final Clock clock;
  private final @Nullable ReleaseExtras extras;
  private final @Nullable ManifestSigner signer;
  private final List<RefreshListener> listeners;

  private Refresher(Builder b) {
    this.source = Objects.requireNonNull(b.source, "source");
    this.renderer = Objects.requireNonNull(b.renderer, "renderer");
    this.maker =
        new SnapshotMaker(
            Objects.requireNonNull(b.extractor, "extractor"), chain(b.checks), renderer, b.info);
    this.publishers = List.copyOf(b.publishers);
    this.gate = new TargetGate(b.allowShrink);
    this.last = b.last;
    this.salt = b.info + "\n" + b.inputsSalt;
    this.extraInputs = b.extraInputs;
    this.clock = b.clock;
    this.extras = b.extras;
    this.signer = b.signer;
    this.listeners = List.copyOf(b.listeners);
  }

  /** The checks, one after another, each on what the one before kept. */
  private static AdvisoryCheck chain(List<AdvisoryCheck> checks) {
    List<AdvisoryCheck> steps = List.copyOf(checks);
    return (advisories, diagnostics) -> {
      List<Advisory> kept = advisories;
      for (AdvisoryCheck step : steps) {
        kept = step.check(kept, diagnostics);
      }
      return kept;
    };
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
    String issues = ReleaseInputs.of(salt, fetched.issues()); // once: it reads every issue
    Cycle cycle = new Cycle(fetched, inputs(issues));
    LastRelease.Entry previous = last.read();
    List<TargetResult> results = new ArrayList<>();
    for (Publisher publisher : publishers) {
      results.add(gate.pass(publisher, cycle, previous));
    }
    if (cycle.made == null && (previous == null || !previous.inputs().equals(cycle.inputs))) {
      cycle.snapshot(); // no target asked (none given): the report still tells what was found
    }
    Snapshot snapshot = cycle.made;
    LastRelease.Entry seen =
        snapshot == null
            ? Objects.requireNonNull(previous, "no snapshot was made, so the last one held")
            : new LastRelease.Entry(
                // What the snapshot read may have changed the extra inputs (a record fetched anew).
                inputs(issues), snapshot.digest(), snapshot.items().size(), snapshot.diagnostics());
    if (snapshot != null && results.stream().noneMatch(Refresher::failed)) {
      last.write(seen);
    }
    Instant end = clock.instant();
    Duration extract = snapshot == null ? Duration.ZERO : snapshot.extract();
    Duration render = snapshot == null ? Duration.ZERO : snapshot.render();
    Duration fetch = Duration.ofNanos(t1 - t0);
    Duration publish = Duration.ofNanos(System.nanoTime() - t1).minus(extract).minus(render);
    int skipped = (int) seen.diagnostics().stream().filter(Diagnostic::skipsIssue).count();
    RefreshReport report =
        new RefreshReport(
            fetched.pages(),
            fetched.requests(),
            fetched.notModified(),
            fetched.rateLimitRemaining(),
            fetched.issues().size(),
            seen.items(),
            skipped,
            seen.diagnostics(),
            results,
            seen.digest(),
            end,
            Duration.between(start, end),
            new Phases(fetch, extract, render, publish.isNegative() ? Duration.ZERO : publish));
    listeners.forEach(l -> l.refreshed(report));
    return report;
  }

  /** The issues' fingerprint together with the extra inputs' as they are now. */
  private String inputs(String issues) {
    return ReleaseInputs.withExtra(issues, extraInputs.fingerprint(clock.instant()));
  }

  private static boolean failed(TargetResult r) {
    return r.outcome() == TargetResult.Outcome.FAILED
        || r.outcome() == TargetResult.Outcome.REFUSED;
  }

  /** One refresh's offer to its targets: the snapshot and release are made once, when needed. */
  private final class Cycle implements TargetGate.Offer {
    final String inputs;
    private final FetchResult fetched;
    @Nullable Snapshot made;
    private @Nullable ReleaseAssembler release;

    Cycle(FetchResult fetched, String inputs) {
      this.fetched = fetched;
      this.inputs = inputs;
    }

    @Override
    public String inputs() {
      return inputs;
    }

    @Override
    public Snapshot snapshot() throws SourceException, InterruptedException {
      Snapshot s = made;
      if (s == null) {
        s = maker.take(fetched.issues());
        made = s;
      }
      return s;
    }

    @Override
    public Release release(Publisher first, @Nullable Instant updatedAt)
        throws SourceException, PublishException, InterruptedException {
      ReleaseAssembler r = release;
      if (r == null) {
        r = new ReleaseAssembler(snapshot(), renderer, clock, extras, signer);
        release = r;
      }
      return r.get(first, updatedAt);
    }
  }

  /** Builds a {@link Refresher}; source, extractor and renderer are required. */
  public static final class Builder {
    private @Nullable IssueSource source;
    private @Nullable IssueExtractor extractor;
    private @Nullable FeedRenderer renderer;
    private List<Publisher> publishers = List.of();
    private FeedInfo info = FeedInfo.OFFICIAL;
    private Clock clock = Clock.systemUTC();
    private boolean allowShrink;
    private final List<AdvisoryCheck> checks = new ArrayList<>();
    private @Nullable ReleaseExtras extras;
    private @Nullable ManifestSigner signer;
    private final List<RefreshListener> listeners = new ArrayList<>();
    private LastRelease last = LastRelease.inMemory();
    private String inputsSalt = "";
    private ExtraInputs extraInputs = now -> "";

    private Builder() {}

    /** Where issues come from. */
    public Builder source(IssueSource source) {
      this.source = source;
      return this;
    }

    /** Reads one issue; called from several threads at once, so it must be thread-safe. */
    public Builder extractor(IssueExtractor extractor) {
      this.extractor = extractor;
      return this;
    }

    /** Renders every published format of a feed. */
    public Builder renderer(FeedRenderer renderer) {
      this.renderer = renderer;
      return this;
    }

    /** The targets, in order. Extras read what was published before from the first changed one. */
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

    /**
     * Adds a step after extraction, e.g. the label provenance check; steps run in the order added,
     * each on what the one before kept.
     */
    public Builder check(AdvisoryCheck check) {
      this.checks.add(check);
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

    /** Where the last refresh's inputs are remembered; in memory by default. */
    public Builder lastRelease(LastRelease last) {
      this.last = last;
      return this;
    }

    /**
     * What else shapes the output besides the issues and the envelope: the program build and the
     * options that change what is rendered (formats, checks, signing). A different salt makes the
     * next refresh a full one.
     */
    public Builder inputsSalt(String salt) {
      this.inputsSalt = salt;
      return this;
    }

    /** Inputs besides the issues whose change makes the next refresh a full one. */
    public Builder extraInputs(ExtraInputs extraInputs) {
      this.extraInputs = extraInputs;
      return this;
    }

    public Refresher build() {
      return new Refresher(this);
    }
  }
}
