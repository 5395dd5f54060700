package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.render.Artifact;

/**
 * Signs {@code manifest.json}. The signature artifact (e.g. {@code manifest.json.sig}) is written
 * with the release but, since it signs the manifest, is not listed in it.
 */
@FunctionalInterface
public interface ManifestSigner {
  Artifact sign(Artifact manifest);
}
