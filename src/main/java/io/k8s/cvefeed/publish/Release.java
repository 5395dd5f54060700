package io.k8s.cvefeed.publish;

import io.k8s.cvefeed.render.Artifact;
import java.util.List;

/**
 * What one refresh publishes: the artifacts, and the manifest that describes them.
 *
 * @param artifacts every artifact except {@code manifest.json}, sorted by path
 * @param manifest the manifest of {@code artifacts}
 */
public record Release(List<Artifact> artifacts, Manifest manifest) {
  public Release {
    artifacts = List.copyOf(artifacts);
  }
}
