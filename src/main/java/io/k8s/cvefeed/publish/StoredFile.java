package io.k8s.cvefeed.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a bucket listing says of one stored object, for the self-check of {@link
 * Publisher#damage(Manifest)}: no object is downloaded.
 *
 * @param size the stored size in bytes
 * @param hash the stored hash to compare ({@code sha256} metadata on Cloud Storage, the ETag on
 *     S3), or {@code null} when the listing has none
 */
public record StoredFile(long size, @Nullable String hash) {

  /**
   * The damage of a bucket against {@code published}: each listed path must be stored with the
   * manifest's size and the expected hash.
   *
   * @param stored the listing, by path relative to the prefix
   * @param expected the hash each path must have ({@code sha256} of the manifest, or the ETags
   *     recorded when publishing), by path; a path without one is damaged
   */
  public static List<Damage> compare(
      Manifest published, Map<String, StoredFile> stored, Map<String, String> expected) {
    List<Damage> damage = new ArrayList<>();
    for (Map.Entry<String, Manifest.FileEntry> e : published.files().entrySet()) {
      String path = e.getKey();
      StoredFile s = stored.get(path);
      String want = expected.get(path);
      if (s == null) {
        damage.add(new Damage(path, "missing"));
      } else if (s.size() != e.getValue().size()) {
        damage.add(new Damage(path, s.size() + " bytes, the manifest says " + e.getValue().size()));
      } else if (want == null || !want.equals(s.hash())) {
        damage.add(new Damage(path, "stored hash differs from the manifest"));
      }
    }
    return damage;
  }
}
