package io.k8s.cvefeed.integrity;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.github.IssueEventsSource;
import io.k8s.cvefeed.github.LabelEvent;
import io.k8s.cvefeed.github.SourceException;
import io.k8s.cvefeed.github.TeamMembersSource;
import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.LabelProvenance;
import io.k8s.cvefeed.refresh.AdvisoryCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Finds who applied the feed label to each advisory's issue, records it in the advisory, and warns
 * about (or, enforcing, leaves out) those applied by someone not on the allow-list. Events are
 * fetched only for issues whose {@code updated_at} the {@link ProvenanceCache} has not seen; any
 * failure to read events or teams throws, so the refresh publishes nothing.
 */
public final class LabelProvenanceCheck implements AdvisoryCheck {
  static final String UNTRUSTED = "label.untrusted";
  static final String UNKNOWN = "label.provenance-unknown";

  /** Issues whose events are read at once, on a first run. */
  static final int FETCHERS = 8;

  private final LabelPolicy policy;
  private final String label;
  private final TrustedLabelers trusted;
  private final IssueEventsSource events;
  private final TeamMembersSource teams;
  private final ProvenanceCache cache;

  /**
   * @param label the feed label, e.g. {@code official-cve-feed}
   */
  public LabelProvenanceCheck(
      LabelPolicy policy,
      String label,
      TrustedLabelers trusted,
      IssueEventsSource events,
      TeamMembersSource teams,
      ProvenanceCache cache) {
    this.policy = policy;
    this.label = label;
    this.trusted = trusted;
    this.events = events;
    this.teams = teams;
    this.cache = cache;
  }

  @Override
  public List<Advisory> check(List<Advisory> advisories, List<Diagnostic> diagnostics)
      throws SourceException, InterruptedException {
    if (policy == LabelPolicy.OFF) {
      return advisories;
    }
    Set<String> logins = trusted.resolve(teams);
    Map<Long, ProvenanceCache.Found> all = findAll(advisories);
    List<Advisory> kept = new ArrayList<>(advisories.size());
    for (Advisory advisory : advisories) {
      ProvenanceCache.Found found =
          all.getOrDefault(advisory.issueNumber(), ProvenanceCache.Found.NOTHING);
      String login = found.login();
      Instant at = found.at();
      if (login == null || at == null) {
        diagnostics.add(unknown(advisory.issueNumber()));
        if (policy == LabelPolicy.WARN) {
          kept.add(advisory);
        }
        continue;
      }
      boolean ok = logins.contains(login.toLowerCase(Locale.ROOT));
      if (!ok) {
        diagnostics.add(untrusted(advisory.issueNumber(), login, at));
      }
      if (ok || policy == LabelPolicy.WARN) {
        kept.add(advisory.withLabelProvenance(new LabelProvenance(login, at, ok)));
      }
    }
    return kept;
  }

  /**
   * What the cache knows, plus the events of every other issue, read {@link #FETCHERS} at a time.
   * The first failure cancels the rest and is thrown.
   */
  private Map<Long, ProvenanceCache.Found> findAll(List<Advisory> advisories)
      throws SourceException, InterruptedException {
    Map<Long, ProvenanceCache.Found> found = new HashMap<>();
    List<Advisory> missing = new ArrayList<>();
    for (Advisory a : advisories) {
      ProvenanceCache.Found cached = cache.get(a.issueNumber(), a.updated());
      if (cached != null) {
        found.put(a.issueNumber(), cached);
      } else {
        missing.add(a);
      }
    }
    if (missing.isEmpty()) {
      return found;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(FETCHERS, missing.size()));
    try {
      List<Future<ProvenanceCache.Found>> futures = new ArrayList<>();
      for (Advisory a : missing) {
        futures.add(pool.submit(() -> fetch(a.issueNumber(), a.updated())));
      }
      for (int i = 0; i < missing.size(); i++) {
        found.put(missing.get(i).issueNumber(), result(futures.get(i)));
      }
    } finally {
      pool.shutdownNow();
    }
    return found;
  }

  private static ProvenanceCache.Found result(Future<ProvenanceCache.Found> future)
      throws SourceException, InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SourceException s) {
        throw s;
      }
      if (cause instanceof InterruptedException) {
        throw new InterruptedException("interrupted while reading issue events");
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    }
  }

  private ProvenanceCache.Found fetch(long issue, Instant updatedAt)
      throws SourceException, InterruptedException {
    LabelEvent applied = LastLabel.applied(events.labelEvents(issue), label);
    ProvenanceCache.Found found =
        applied == null
            ? ProvenanceCache.Found.NOTHING
            : new ProvenanceCache.Found(applied.actor(), applied.at());
    cache.put(issue, updatedAt, found);
    return found;
  }

  private Diagnostic untrusted(long issue, String login, Instant at) {
    boolean skip = policy == LabelPolicy.ENFORCE;
    String message =
        label
            + " was applied by @"
            + login
            + " at "
            + at
            + ", who is not a trusted labeller"
            + (skip
                ? "; left out of the feed (--label-policy enforce)"
                : "; check the issue, and list @" + login + " if they may apply it");
    return new Diagnostic(issue, UNTRUSTED, message, skip);
  }

  private Diagnostic unknown(long issue) {
    boolean skip = policy == LabelPolicy.ENFORCE;
    String message =
        "no event applied "
            + label
            + " (was the label renamed?); who labelled it is unknown"
            + (skip ? "; left out of the feed (--label-policy enforce)" : "");
    return new Diagnostic(issue, UNKNOWN, message, skip);
  }
}
