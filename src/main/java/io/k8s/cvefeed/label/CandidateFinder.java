package io.k8s.cvefeed.label;

import io.k8s.cvefeed.extract.TitleParser;
import io.k8s.cvefeed.github.IssueSearch;
import io.k8s.cvefeed.github.RawIssue;
import io.k8s.cvefeed.github.SourceException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds issues that look like CVE announcements but lack the feed label, through three GitHub
 * searches (issues, any state, without the label): {@code CVE in:title}, {@code
 * label:committee/security-response} and {@code CVSS in:body}. The search is only a coarse net;
 * each issue found is then classified here by exact rules, and issues matching none, or already
 * carrying the label, are dropped.
 */
public final class CandidateFinder {
  /** The Security Response Committee's label. */
  public static final String SECURITY_LABEL = "committee/security-response";

  private static final Pattern VECTOR =
      Pattern.compile("CVSS:[234]\\.\\d/AV:[NALP]|(?<![\\w/])AV:[NAL]/AC:[LMH]/Au:[MSN]");

  private final IssueSearch search;
  private final String repo;
  private final String feedLabel;

  /**
   * @param repo {@code owner/name}
   * @param feedLabel the label the feed is built from, e.g. {@code official-cve-feed}
   */
  public CandidateFinder(IssueSearch search, String repo, String feedLabel) {
    this.search = search;
    this.repo = repo;
    this.feedLabel = feedLabel;
  }

  /** The candidates, most certain first, then newest first. */
  public List<Candidate> find() throws SourceException, InterruptedException {
    String base = "repo:" + repo + " is:issue -label:\"" + feedLabel + "\" ";
    Map<Long, RawIssue> found = new LinkedHashMap<>();
    for (String q : List.of("CVE in:title", "label:\"" + SECURITY_LABEL + "\"", "CVSS in:body")) {
      for (RawIssue issue : search.search(base + q)) {
        found.putIfAbsent(issue.number(), issue);
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    for (RawIssue issue : found.values()) {
      Candidate c = classify(issue, feedLabel);
      if (c != null) {
        candidates.add(c);
      }
    }
    candidates.sort(
        Comparator.comparingInt(Candidate::certainty)
            .reversed()
            .thenComparing(Comparator.comparingLong(Candidate::number).reversed()));
    return candidates;
  }

  /** The candidate {@code issue} makes, or {@code null} when it has the label or no reason. */
  static @Nullable Candidate classify(RawIssue issue, String feedLabel) {
    if (issue.labels().stream().anyMatch(feedLabel::equalsIgnoreCase)) {
      return null;
    }
    List<Reason> reasons = new ArrayList<>();
    if (TitleParser.startsWithId(issue.title())) {
      reasons.add(Reason.TITLE_CVE_ID);
    }
    if (issue.labels().stream().anyMatch(SECURITY_LABEL::equalsIgnoreCase)) {
      reasons.add(Reason.SECURITY_LABEL);
    }
    if (issue.body() != null && VECTOR.matcher(issue.body()).find()) {
      reasons.add(Reason.CVSS_VECTOR);
    }
    return reasons.isEmpty()
        ? null
        : new Candidate(issue.number(), issue.title(), issue.htmlUrl(), issue.state(), reasons);
  }
}
