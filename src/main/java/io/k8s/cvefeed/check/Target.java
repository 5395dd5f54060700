package io.k8s.cvefeed.check;

import java.util.List;
import java.util.Set;

/**
 * One running version and the components it stands for.
 *
 * @param components canonical component names ({@link ComponentNames}) this version covers
 * @param version the version as reported, normalised
 * @param sources where it was read, e.g. {@code server /version}, {@code node worker-1}
 */
public record Target(Set<String> components, RunningVersion version, List<String> sources) {
  public Target {
    components = Set.copyOf(components);
    sources = List.copyOf(sources);
  }
}
