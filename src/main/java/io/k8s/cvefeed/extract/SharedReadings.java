package io.k8s.cvefeed.extract;

import io.k8s.cvefeed.model.Cvss;
import org.jspecify.annotations.Nullable;

/**
 * What a second source (the CVE records) reads the way announcements are read, so both name and
 * score alike: component names and CVSS vectors.
 */
public final class SharedReadings {
  private SharedReadings() {}

  /**
   * The component name for a product as a CVE record names it: {@code Kubernetes} → {@code
   * kubernetes}, {@code Kubernetes ingress-nginx} → {@code ingress-nginx}, {@code Kubelet} → {@code
   * kubelet}.
   */
  public static String component(String product) {
    String name = Components.normalise(product);
    return name.isEmpty() ? Components.FALLBACK : name;
  }

  /** The Go module of a component ({@code kubelet} → {@code k8s.io/kubelet}), or {@code null}. */
  public static @Nullable String module(String component) {
    return Components.module(component).orElse(null);
  }

  /**
   * A CVSS v3.0, v3.1 or v4.0 vector, scored.
   *
   * @throws IllegalArgumentException saying why the vector cannot be scored
   */
  public static Cvss cvss(String vector) {
    CvssScorer.Result result = CvssScorer.score(vector);
    if (result instanceof CvssScorer.Result.Scored s) {
      return s.cvss();
    }
    throw new IllegalArgumentException(((CvssScorer.Result.Invalid) result).reason());
  }
}
