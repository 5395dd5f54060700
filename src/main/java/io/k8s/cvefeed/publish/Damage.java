package io.k8s.cvefeed.publish;

/**
 * One way a target differs from its own manifest, found by {@link Publisher#damage(Manifest)}.
 *
 * @param path the file concerned, or {@link #WHOLE_TARGET} when the target as a whole is at fault
 *     (e.g. a layout that cannot switch releases atomically)
 * @param problem what is wrong, e.g. {@code sha256 differs from the manifest}
 */
public record Damage(String path, String problem) {
  /** The {@link #path()} of a problem with the target as a whole. */
  public static final String WHOLE_TARGET = "";

  @Override
  public String toString() {
    return path.isEmpty() ? problem : path + ": " + problem;
  }
}
