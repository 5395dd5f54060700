package io.k8s.cvefeed.model;

import java.util.List;

/**
 * One OSV {@code SEMVER} range for one component, e.g. {@code kube-apiserver} introduced 1.27.0,
 * fixed 1.27.3. Versions carry no {@code v} prefix.
 *
 * @param component the package name as announcements use it ({@code kube-apiserver}, {@code
 *     kubelet}, {@code ingress-nginx}, ...)
 * @param events the events in version order; {@code introduced "0"} means "all earlier"
 */
public record AffectedRange(String component, List<RangeEvent> events) {
  public AffectedRange {
    events = List.copyOf(events);
  }
}
