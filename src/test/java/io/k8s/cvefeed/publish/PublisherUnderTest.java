package io.k8s.cvefeed.publish;

import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.render.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each {@link Publisher}'s test supplies to the contract (a fresh publisher on its target, a
 * view of what the target stores, switches that make writes fail), and the releases the contract
 * publishes. Subclasses give a fresh, empty target per test.
 */
public abstract class PublisherUnderTest {

  /** A new publisher for the target under test; every call addresses the same target. */
  protected abstract Publisher newPublisher() throws Exception;

  /** The files the target holds now, by path relative to the target, manifest included. */
  protected abstract Map<String, byte[]> stored() throws Exception;

  /** Write operations the target's store has received so far (uploads, deletes, pushes, PRs). */
  protected abstract int writes() throws Exception;

  /**
   * Makes the target fail part-way through publishing: object stores refuse every write of {@code
   * path}; targets that write in one step (git) fail their last step instead.
   */
  protected abstract void failWritesOf(String path) throws Exception;

  /** Undoes {@link #failWritesOf(String)} and {@link #failNthWrite(int)}. */
  protected abstract void restoreWrites() throws Exception;

  /**
   * Makes the {@code n}th write step (1-based) of the next publish fail: the Nth upload or delete
   * of an object store, the Nth file-system step of a directory, the push of git (every {@code n}).
   */
  protected abstract void failNthWrite(int n) throws Exception;

  /** A release of {@code files} (path → text), all JSON, with the given CVE ids as items. */
  protected static Release release(Map<String, String> files, String... items) {
    List<Artifact> artifacts = new ArrayList<>();
    new TreeMap<>(files).forEach((p, t) -> artifacts.add(Artifact.utf8(p, MediaTypes.JSON, t)));
    Manifest manifest =
        Manifest.of(
            Manifest.digestOf(artifacts),
            Instant.parse("2026-01-02T03:04:05Z"),
            List.of(items),
            artifacts);
    return new Release(artifacts, manifest);
  }

  /** Three files: a feed and two OSV records. */
  protected static final Release FIRST =
      release(
          Map.of(
              "feed.json", "{\"items\":[1,2]}\n",
              "osv/CVE-2026-0001.json", "{\"id\":\"CVE-2026-0001\"}\n",
              "osv/CVE-2026-0002.json", "{\"id\":\"CVE-2026-0002\"}\n"),
          "CVE-2026-0001",
          "CVE-2026-0002");

  /** FIRST with the feed and one record changed. */
  protected static final Release SECOND =
      release(
          Map.of(
              "feed.json", "{\"items\":[1,2,\"changed\"]}\n",
              "osv/CVE-2026-0001.json", "{\"id\":\"CVE-2026-0001\",\"changed\":true}\n",
              "osv/CVE-2026-0002.json", "{\"id\":\"CVE-2026-0002\"}\n"),
          "CVE-2026-0001",
          "CVE-2026-0002");

  /** FIRST without CVE-2026-0002. */
  protected static final Release SHRUNK =
      release(
          Map.of(
              "feed.json", "{\"items\":[1]}\n",
              "osv/CVE-2026-0001.json", "{\"id\":\"CVE-2026-0001\"}\n"),
          "CVE-2026-0001");

  /** {@code release} as a signing run publishes it: a signature beside the manifest. */
  protected static Release signed(Release release) {
    List<Artifact> artifacts = new ArrayList<>(release.artifacts());
    artifacts.add(
        Artifact.utf8(
            Manifest.SIGNATURE_PATH, "text/plain", "signature of " + release.manifest().digest()));
    return new Release(artifacts, release.manifest());
  }

  protected static Map<String, String> expectedFiles(Release release) {
    Map<String, String> files = new LinkedHashMap<>();
    for (Artifact a : release.artifacts()) {
      files.put(a.path(), text(a.bytes()));
    }
    files.put(Manifest.PATH, text(release.manifest().toArtifact().bytes()));
    return files;
  }

  protected final Map<String, String> storedText() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    stored().forEach((p, b) -> files.put(p, text(b)));
    return files;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
