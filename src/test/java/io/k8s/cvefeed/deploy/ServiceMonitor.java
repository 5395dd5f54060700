package io.k8s.cvefeed.deploy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/**
 * The Prometheus Operator's ServiceMonitor (monitoring.coreos.com/v1), reduced to the fields the
 * manifests may use; fabric8's kubernetes-model has no class for it. Being a record without an
 * any-setter, it rejects every other field.
 */
record ServiceMonitor(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {
  record Spec(LabelSelector selector, List<Endpoint> endpoints) {}

  record Endpoint(String port, String path, String interval) {}

  String name() {
    return metadata.getName();
  }
}
