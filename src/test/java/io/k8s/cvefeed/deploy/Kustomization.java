package io.k8s.cvefeed.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The subset of kustomize the manifests under {@code deploy/kubernetes} use: {@code resources}
 * (files, or directories holding a kustomization) and {@code namespace}. Any other field fails the
 * render, so an overlay that starts using one is noticed here instead of rendered wrongly.
 */
final class Kustomization {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final Set<String> SUPPORTED =
      Set.of("apiVersion", "kind", "resources", "namespace");

  private Kustomization() {}

  /** Renders the kustomization in {@code dir}: every object, in resource order. */
  static List<ObjectNode> render(Path dir) {
    JsonNode k = readAll(dir.resolve("kustomization.yaml")).get(0);
    for (Iterator<String> it = k.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!SUPPORTED.contains(field)) {
        throw new IllegalArgumentException(
            dir + "/kustomization.yaml: field '" + field + "' is not supported by this renderer");
      }
    }
    List<ObjectNode> objects = new ArrayList<>();
    for (JsonNode resource : k.path("resources")) {
      Path path = dir.resolve(resource.asText()).normalize();
      if (Files.isDirectory(path)) {
        objects.addAll(render(path));
      } else {
        readAll(path).forEach(node -> objects.add((ObjectNode) node));
      }
    }
    if (k.hasNonNull("namespace")) {
      for (ObjectNode o : objects) {
        ((ObjectNode) o.with("metadata")).put("namespace", k.get("namespace").asText());
      }
    }
    return objects;
  }

  /** Every document of a YAML file, skipping empty ones. */
  static List<JsonNode> readAll(Path file) {
    try (var parser = YAML.getFactory().createParser(file.toFile())) {
      List<JsonNode> docs = new ArrayList<>();
      for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read YAML", e);
    }
  }
}
