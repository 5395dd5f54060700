package io.k8s.cvefeed.publish;

import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.render.MediaTypes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code manifest.json}: what a target holds. Written last, so a manifest always describes a
 * complete set of files.
 *
 * @param digest the content digest ({@code sha256:<hex>}); leaves out the refresh time
 * @param updatedAt when the content last changed
 * @param items the CVE ids in the feed, for the shrink guard
 * @param files every artifact's path with its SHA-256, size and media type, sorted by path
 */
public record Manifest(
    String digest, Instant updatedAt, List<String> items, SortedMap<String, FileEntry> files) {
  public static final String PATH = "manifest.json";

  /**
   * Where a release's signature of {@link #PATH} goes when signing is on. It signs the manifest, so
   * the manifest cannot list it; publishers remove it when an unsigned release replaces a signed
   * one.
   */
  public static final String SIGNATURE_PATH = PATH + ".sig";

  static final int SCHEMA = 1;
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One file in the manifest. */
  public record FileEntry(String sha256, long size, String mediaType) {}

  public Manifest {
    items = List.copyOf(items);
    files = new TreeMap<>(files);
  }

  /** A manifest describing {@code artifacts}. */
  public static Manifest of(
      String digest, Instant updatedAt, List<String> items, List<Artifact> artifacts) {
    hashAll(artifacts);
    SortedMap<String, FileEntry> files = new TreeMap<>();
    for (Artifact a : artifacts) {
      files.put(a.path(), new FileEntry(a.sha256(), a.size(), a.mediaType()));
    }
    return new Manifest(digest, updatedAt.truncatedTo(ChronoUnit.SECONDS), items, files);
  }

  /**
   * The content digest of a set of artifacts: SHA-256 over the sorted {@code path sha256} lines.
   * Callers render with a fixed {@code updatedAt} so that the refresh time never enters it.
   */
  public static String digestOf(List<Artifact> artifacts) {
    hashAll(artifacts);
    List<String> lines = new ArrayList<>();
    for (Artifact a : artifacts) {
      lines.add(a.path() + " " + a.sha256() + "\n");
    }
    lines.sort(null);
    return "sha256:"
        + Artifact.sha256Hex(
            String.join("", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Computes every artifact's SHA-256 on all cores, ahead of the loops that read them one by one: a
   * release of every format holds some 30,000 files.
   */
  private static void hashAll(List<Artifact> artifacts) {
    if (artifacts.size() > 1) {
      artifacts.parallelStream().forEach(Artifact::sha256);
    }
  }

  public Artifact toArtifact() {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("digest", digest);
    root.put("updated_at", updatedAt.toString());
    ArrayNode ids = root.putArray("items");
    items.forEach(ids::add);
    ObjectNode fileNodes = root.putObject("files");
    for (Map.Entry<String, FileEntry> e : files.entrySet()) {
      ObjectNode f = fileNodes.putObject(e.getKey());
      f.put("sha256", e.getValue().sha256());
      f.put("size", e.getValue().size());
      f.put("media_type", e.getValue().mediaType());
    }
    String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    return Artifact.utf8(PATH, MediaTypes.JSON, text);
  }

  /**
   * Reads a published manifest.
   *
   * @param subject names the manifest in messages, e.g. {@code file:///srv/feed/manifest.json}
   */
  public static Manifest parse(byte[] bytes, String subject) throws PublishException {
    try {
      JsonNode root = JSON.readTree(bytes);
      if (root.path("schema").asInt(0) != SCHEMA) {
        throw new PublishException(
            subject
                + ": unsupported manifest schema "
                + root.path("schema")
                + "; expected "
                + SCHEMA);
      }
      List<String> items = new ArrayList<>();
      root.path("items").forEach(n -> items.add(n.asString()));
      SortedMap<String, FileEntry> files = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : root.path("files").properties()) {
        JsonNode f = e.getValue();
        files.put(
            e.getKey(),
            new FileEntry(
                f.path("sha256").asString(),
                f.path("size").asLong(),
                f.path("media_type").asString()));
      }
      String digest = root.path("digest").asString();
      if (digest.isEmpty()) {
        throw new PublishException(subject + ": manifest has no digest");
      }
      return new Manifest(digest, Instant.parse(root.path("updated_at").asString()), items, files);
    } catch (JacksonException | DateTimeParseException e) {
      throw new PublishException(
          subject + ": unreadable manifest (" + e.getMessage() + "); remove it to publish afresh",
          e);
    }
  }
}
