package io.k8s.cvefeed.publish;

import io.k8s.cvefeed.render.Artifact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a publisher must do to turn {@code previous} into {@code release}: the artifacts whose
 * SHA-256 (or media type) differs, the manifest, and the files the release no longer has. Every
 * publisher writes {@link #writes()} first, {@link #manifest()} last, then deletes {@link
 * #removals()}.
 *
 * @param writes changed or new artifacts, sorted by path
 * @param manifest the new {@code manifest.json}
 * @param removals paths {@code previous} listed that the release lacks, sorted; with {@link
 *     #of(Release, Manifest, Publisher)} also a signature the release no longer has
 * @param unchanged whether nothing at all needs writing (same digest, same files)
 */
public record PublishPlan(
    List<Artifact> writes, Artifact manifest, List<String> removals, boolean unchanged) {
  /** {@code Cache-Control} of data files: short enough that a refresh shows within minutes. */
  public static final String DATA_CACHE_CONTROL = "public, max-age=300";

  /** {@code Cache-Control} of the manifest: readers and the next refresh must see the latest. */
  public static final String MANIFEST_CACHE_CONTROL = "no-cache";

  public PublishPlan {
    writes = List.copyOf(writes);
    removals = List.copyOf(removals);
  }

  /** The plan from {@code previous} (null: nothing published yet) to {@code release}. */
  public static PublishPlan of(Release release, @Nullable Manifest previous) {
    return of(release, previous, Set.of());
  }

  /**
   * The plan from {@code previous} to {@code release}, also rewriting the paths in {@code rewrite}
   * (a self-check found them damaged) even where {@code previous} lists the same SHA-256. A
   * non-empty {@code rewrite} never counts as unchanged.
   */
  public static PublishPlan of(Release release, @Nullable Manifest previous, Set<String> rewrite) {
    List<Artifact> writes = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    for (Artifact a : release.artifacts()) {
      paths.add(a.path());
      Manifest.FileEntry old = previous == null ? null : previous.files().get(a.path());
      if (old == null
          || rewrite.contains(a.path())
          || rewrite.contains(Damage.WHOLE_TARGET)
          || !old.sha256().equals(a.sha256())
          || !old.mediaType().equals(a.mediaType())) {
        writes.add(a);
      }
    }
    writes.sort((x, y) -> x.path().compareTo(y.path()));
    List<String> removals = new ArrayList<>();
    if (previous != null) {
      for (String path : previous.files().keySet()) {
        if (!paths.contains(path) && !path.equals(Manifest.PATH)) {
          removals.add(path);
        }
      }
    }
    boolean unchanged =
        previous != null
            && rewrite.isEmpty()
            && writes.isEmpty()
            && removals.isEmpty()
            && previous.digest().equals(release.manifest().digest());
    return new PublishPlan(writes, release.manifest().toArtifact(), removals, unchanged);
  }

  /**
   * The plan, plus the removal of a signature ({@link Manifest#SIGNATURE_PATH}) that {@code target}
   * still holds when the release is unsigned and changes something: signed by an earlier run, it
   * would no longer match the new manifest and a verifier would report tampering. Asks the target
   * only then.
   */
  public static PublishPlan of(Release release, @Nullable Manifest previous, Publisher target)
      throws PublishException, InterruptedException {
    return of(release, previous, target, Set.of());
  }

  /** {@link #of(Release, Manifest, Publisher)}, rewriting {@code rewrite} as well. */
  public static PublishPlan of(
      Release release, @Nullable Manifest previous, Publisher target, Set<String> rewrite)
      throws PublishException, InterruptedException {
    PublishPlan plan = of(release, previous, rewrite);
    if (plan.unchanged()
        || release.artifacts().stream().anyMatch(a -> a.path().equals(Manifest.SIGNATURE_PATH))
        || target.read(Manifest.SIGNATURE_PATH) == null) {
      return plan;
    }
    List<String> removals = new ArrayList<>(plan.removals());
    removals.add(Manifest.SIGNATURE_PATH);
    return new PublishPlan(plan.writes(), plan.manifest(), removals, false);
  }

  /** The {@code Cache-Control} to store {@code path} with. */
  public static String cacheControl(String path) {
    return path.equals(Manifest.PATH) ? MANIFEST_CACHE_CONTROL : DATA_CACHE_CONTROL;
  }

  /** The object key (or repository path) of {@code path} under {@code prefix} ("" for none). */
  public static String key(String prefix, String path) {
    return prefix.isEmpty() ? path : prefix + "/" + path;
  }

  /**
   * Fails unless the target still holds the manifest {@code previous} describes (both absent
   * counts): another writer published since it was read, and writing now would lose its update.
   *
   * @param subject names the manifest in the message, e.g. {@code gs://bucket/manifest.json}
   */
  public static void requireStillPublished(
      @Nullable Manifest previous, @Nullable Manifest current, String subject)
      throws PublishException {
    boolean same =
        current == null
            ? previous == null
            : previous != null && previous.digest().equals(current.digest());
    if (!same) {
      throw new PublishException(
          subject + ": precondition failed, another writer published first; rerun");
    }
  }
}
