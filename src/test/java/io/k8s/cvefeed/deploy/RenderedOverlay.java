package io.k8s.cvefeed.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One overlay of deploy/kubernetes, rendered and parsed strictly. */
record RenderedOverlay(String name, List<Object> objects) {
  static final Path ROOT = Path.of("deploy", "kubernetes");

  static RenderedOverlay of(String overlay) {
    List<Object> parsed =
        Kustomization.render(ROOT.resolve(overlay)).stream().map(StrictModel::parse).toList();
    return new RenderedOverlay(overlay, parsed);
  }

  <T> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The pod templates of every workload, by workload name. */
  Map<String, PodTemplateSpec> podTemplates() {
    Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
    for (CronJob c : all(CronJob.class)) {
      templates.put(
          "CronJob " + c.getMetadata().getName(),
          c.getSpec().getJobTemplate().getSpec().getTemplate());
    }
    for (Deployment d : all(Deployment.class)) {
      templates.put("Deployment " + d.getMetadata().getName(), d.getSpec().getTemplate());
    }
    return templates;
  }

  Map<String, String> configMapData(String configMap) {
    return all(ConfigMap.class).stream()
        .filter(c -> c.getMetadata().getName().equals(configMap))
        .findFirst()
        .map(ConfigMap::getData)
        .orElse(Map.of());
  }

  Service service(String serviceName) {
    return all(Service.class).stream()
        .filter(s -> s.getMetadata().getName().equals(serviceName))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + ": no Service " + serviceName));
  }
}
