package io.k8s.cvefeed.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses Kubernetes objects with the fabric8 model and rejects any field the model does not know.
 *
 * <p>fabric8 classes keep unknown fields in an {@code additionalProperties} map (a Jackson any
 * setter) instead of failing, so {@code FAIL_ON_UNKNOWN_PROPERTIES} alone does not catch a typo
 * such as {@code readOnlyRootFilesytem}; after parsing, every {@code additionalProperties} map in
 * the object graph must be empty.
 */
final class StrictModel {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  /** The kinds the manifests may use, by apiVersion/kind. */
  private static final Map<String, Class<?>> KINDS =
      Map.of(
          "v1/ServiceAccount", ServiceAccount.class,
          "v1/ConfigMap", ConfigMap.class,
          "v1/Secret", Secret.class,
          "v1/Service", Service.class,
          "apps/v1/Deployment", Deployment.class,
          "batch/v1/CronJob", CronJob.class,
          "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
          "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
          "networking.k8s.io/v1/Ingress", Ingress.class,
          "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class);

  private StrictModel() {}

  /** Parses one object; throws naming the object and the unknown field. */
  static Object parse(JsonNode node) {
    String type = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
    String name = type + " " + node.path("metadata").path("name").asText();
    Class<?> cls = KINDS.get(type);
    if (cls == null) {
      throw new IllegalArgumentException(name + ": kind not allowed in deploy/kubernetes");
    }
    Object parsed;
    try {
      parsed = MAPPER.treeToValue(node, cls);
    } catch (Exception e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
    List<String> unknown = new ArrayList<>();
    collectUnknown(parsed, "", unknown);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(name + ": unknown fields " + unknown);
    }
    return parsed;
  }

  static String nameOf(Object o) {
    return o instanceof HasMetadata m ? m.getMetadata().getName() : ((ServiceMonitor) o).name();
  }

  private static void collectUnknown(Object o, String path, List<String> out) {
    if (o instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        collectUnknown(list.get(i), path + "[" + i + "]", out);
      }
      return;
    }
    if (o instanceof Map<?, ?> map) {
      map.forEach((k, v) -> collectUnknown(v, path + "[" + k + "]", out));
      return;
    }
    if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method m : o.getClass().getMethods()) {
      if (m.getParameterCount() != 0
          || Modifier.isStatic(m.getModifiers())
          || !m.getName().startsWith("get")
          || m.getName().equals("getClass")) {
        continue;
      }
      Object value = invoke(m, o);
      if (value == null) {
        continue;
      }
      if (m.getName().equals("getAdditionalProperties")) {
        ((Map<?, ?>) value).keySet().forEach(k -> out.add(path + "." + k));
      } else {
        String field = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
        collectUnknown(value, path.isEmpty() ? field : path + "." + field, out);
      }
    }
  }

  private static Object invoke(Method m, Object o) {
    try {
      return m.invoke(o);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(m + ": cannot read", e);
    }
  }
}
