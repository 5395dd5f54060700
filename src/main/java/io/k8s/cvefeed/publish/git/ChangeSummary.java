package io.k8s.cvefeed.publish.git;

import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.Release;
import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.render.MediaTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a pull request changes, for its body: CVEs added, removed, whose status changed, and whose
 * files changed otherwise.
 *
 * @param added CVE ids new in the feed
 * @param removed CVE ids that left the feed
 * @param statusChanged CVE id → {@code old → new} status
 * @param updated CVE ids in both whose files changed, status changes excluded
 */
record ChangeSummary(
    List<String> added,
    List<String> removed,
    Map<String, String> statusChanged,
    List<String> updated) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Compares the base's manifest (and its JSON Feed, read through {@code oldBytes}) with the
   * release.
   *
   * @param oldBytes the base's bytes of a path, or {@code null} when absent
   */
  static ChangeSummary of(
      @Nullable Manifest base, Release release, Function<String, byte @Nullable []> oldBytes) {
    Set<String> before = base == null ? Set.of() : new TreeSet<>(base.items());
    Set<String> after = new TreeSet<>(release.manifest().items());
    List<String> added = after.stream().filter(id -> !before.contains(id)).toList();
    List<String> removed = before.stream().filter(id -> !after.contains(id)).toList();
    Map<String, String> statusChanged = new TreeMap<>();
    for (Artifact a : release.artifacts()) {
      if (a.mediaType().equals(MediaTypes.JSON_FEED)) {
        Map<String, String> oldStatus = statuses(oldBytes.apply(a.path()));
        statuses(a.bytes())
            .forEach(
                (id, status) -> {
                  String was = oldStatus.get(id);
                  if (was != null && !was.equals(status)) {
                    statusChanged.put(id, was + " → " + status);
                  }
                });
      }
    }
    List<String> updated = new ArrayList<>();
    if (base != null) {
      for (String id : after) {
        if (before.contains(id)
            && !statusChanged.containsKey(id)
            && filesChanged(id, base, release)) {
          updated.add(id);
        }
      }
    }
    return new ChangeSummary(added, removed, statusChanged, updated);
  }

  /** Whether any file whose path names {@code id} differs between base and release. */
  private static boolean filesChanged(String id, Manifest base, Release release) {
    for (Artifact a : release.artifacts()) {
      if (a.path().contains(id)) {
        Manifest.FileEntry old = base.files().get(a.path());
        if (old == null || !old.sha256().equals(a.sha256())) {
          return true;
        }
      }
    }
    return false;
  }

  /** CVE id → status from a JSON Feed: {@code status} on the item or one level below it. */
  private static Map<String, String> statuses(byte @Nullable [] feed) {
    Map<String, String> found = new HashMap<>();
    if (feed == null) {
      return found;
    }
    try {
      for (JsonNode item : JSON.readTree(feed).path("items")) {
        String id = item.path("id").asString("");
        String status = item.path("status").asString("");
        for (JsonNode child : item) {
          if (status.isEmpty() && child.isObject()) {
            status = child.path("status").asString("");
          }
        }
        if (!id.isEmpty() && !status.isEmpty()) {
          found.put(id, status);
        }
      }
    } catch (JacksonException e) {
      // An unreadable old feed only loses the status lines of the summary.
    }
    return found;
  }

  boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && statusChanged.isEmpty() && updated.isEmpty();
  }

  /** Markdown for the pull request body and the commit message. */
  String markdown(String digest) {
    StringBuilder md = new StringBuilder("Automated update of the official Kubernetes CVE feed.\n");
    section(md, "Added", added);
    section(md, "Removed", removed);
    List<String> status = new ArrayList<>();
    statusChanged.forEach((id, change) -> status.add(id + ": " + change));
    section(md, "Status changed", status);
    section(md, "Updated", updated);
    if (isEmpty()) {
      md.append("\nNo CVE was added, removed or changed; the feed's other content changed.\n");
    }
    md.append("\nContent digest: `").append(digest).append("`\n");
    return md.toString();
  }

  private static void section(StringBuilder md, String heading, List<String> lines) {
    if (!lines.isEmpty()) {
      md.append("\n").append(heading).append(":\n");
      lines.forEach(l -> md.append("- ").append(l).append('\n'));
    }
  }
}
