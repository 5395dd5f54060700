package io.k8s.cvefeed.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One OSV {@code SEMVER} range for one component, e.g. {@code kube-apiserver} ({@code
 * k8s.io/apiserver}) introduced 1.27.0, fixed 1.27.3. Versions carry no {@code v} prefix.
 *
 * @param component the name people know the component by, as announcements write it ({@code
 *     kube-apiserver}, {@code kubelet}, {@code ingress-nginx}, ...)
 * @param module the Go module the OSV {@code Kubernetes} ecosystem names the component by ({@code
 *     k8s.io/apiserver}); {@code null} when no module is known for the component
 * @param events the events in version order; {@code introduced "0"} means "all earlier"
 */
public record AffectedRange(String component, @Nullable String module, List<RangeEvent> events) {
  public AffectedRange {
    events = List.copyOf(events);
  }
}
