package io.k8s.cvefeed.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks the image definitions without building them: the Jib configuration in pom.xml and the
 * Dockerfile must describe the same image (base, JVM flags, user, env, port, labels), run the
 * shaded jar's main class without a shell, and be reproducible. Building needs the base image from
 * a registry, which tests may not reach; deploy/image/inspect-offline.sh builds with Jib against a
 * stand-in base and prints the result.
 */
class ImageDefinitionTest {
  private static Document pom;
  private static Map<String, String> properties;
  private static Element jib;
  private static List<String> dockerfile;

  @BeforeAll
  static void read() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    properties = new LinkedHashMap<>();
    for (Element p : children(first(pom.getDocumentElement(), "properties"))) {
      properties.put(p.getTagName(), p.getTextContent().trim());
    }
    jib = plugin("jib-maven-plugin");
    dockerfile = joinContinuations(Files.readAllLines(Path.of("Dockerfile")));
  }

  @Test
  void shouldNotBindJibToTheLifecycleSoVerifyNeedsNoRegistry() {
    assertThat(children(jib)).extracting(Element::getTagName).doesNotContain("executions");
  }

  @Test
  void shouldPinTheSameBaseImageByDigestInBothDefinitions() {
    String base = resolve(text(jib, "configuration/from/image"));
    assertThat(base).matches("[a-z0-9./-]+:[\\w.-]+@sha256:[0-9a-f]{64}");
    assertThat(instructions("FROM")).last().isEqualTo(base);
  }

  @Test
  void shouldRunTheShadedJarsMainClassWithTheSameJvmFlagsAndNoShell() {
    List<String> entrypoint = args(jib, "configuration/container/entrypoint");
    String mainClass =
        resolve(
            text(
                plugin("maven-shade-plugin"),
                "executions/execution/configuration/transformers/transformer/mainClass"));
    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint).endsWith("-cp", "@/app/jib-classpath-file", mainClass);
    List<String> jibFlags = entrypoint.subList(1, entrypoint.indexOf("-cp"));

    JsonNode docker = json(instructions("ENTRYPOINT").get(0));
    List<String> dockerArgs = new ArrayList<>();
    docker.forEach(a -> dockerArgs.add(a.asText()));
    assertThat(dockerArgs.get(0)).as("exec form, no shell").isEqualTo("java");
    assertThat(dockerArgs).endsWith("-jar", "/app/cvefeed.jar");
    assertThat(dockerArgs.subList(1, dockerArgs.indexOf("-jar"))).isEqualTo(jibFlags);
    assertThat(jibFlags).anyMatch(f -> f.startsWith("-XX:MaxRAMPercentage="));
  }

  @Test
  void shouldRunAsTheSameNonRootUserWithTheSameEnvironmentAndPort() {
    String user = text(jib, "configuration/container/user");
    assertThat(user).matches("[1-9]\\d*:[1-9]\\d*");
    assertThat(instructions("USER")).containsExactly(user);
    String cacheHome = text(jib, "configuration/container/environment/XDG_CACHE_HOME");
    assertThat(instructions("ENV")).containsExactly("XDG_CACHE_HOME=" + cacheHome);
    assertThat(instructions("WORKDIR"))
        .last()
        .isEqualTo(text(jib, "configuration/container/workingDirectory"));
    assertThat(instructions("EXPOSE"))
        .containsExactly(text(jib, "configuration/container/ports/port"));
  }

  @Test
  void shouldLabelSourceVersionAndRevisionFromTheBuild() {
    Map<String, String> labels = new LinkedHashMap<>();
    for (Element l : children(first(jib, "configuration/container/labels"))) {
      labels.put(l.getTagName(), l.getTextContent().trim());
    }
    assertThat(labels)
        .containsEntry("org.opencontainers.image.version", "${project.version}")
        .containsEntry("org.opencontainers.image.revision", "${git.commit}")
        .containsEntry("org.opencontainers.image.source", "${project.url}");
    assertThat(properties).containsKey("git.commit");
    String dockerLabels = instructions("LABEL").get(0);
    labels.keySet().forEach(key -> assertThat(dockerLabels).contains(key + "="));
    assertThat(dockerLabels).contains("revision=\"${GIT_COMMIT}\"");
  }

  @Test
  void shouldStampFixedTimesSoTheSameSourcesGiveTheSameImage() {
    String fixed = properties.get("project.build.outputTimestamp");
    assertThat(fixed).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(resolve(text(jib, "configuration/container/creationTime"))).isEqualTo(fixed);
    assertThat(resolve(text(jib, "configuration/container/filesModificationTime")))
        .isEqualTo(fixed);
  }

  private static Element plugin(String artifactId) {
    Element plugins = first(first(pom.getDocumentElement(), "build"), "plugins");
    return children(plugins).stream()
        .filter(p -> text(p, "artifactId").equals(artifactId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("pom.xml: no plugin " + artifactId));
  }

  /** Replaces ${name} with the pom property's value (one level, as the values here need). */
  private static String resolve(String value) {
    Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
    }
    return m.appendTail(out).toString();
  }

  private static List<String> args(Element root, String path) {
    return children(first(root, path)).stream().map(e -> e.getTextContent().trim()).toList();
  }

  private static String text(Element root, String path) {
    return first(root, path).getTextContent().trim();
  }

  private static Element first(Element root, String path) {
    Element e = root;
    for (String name : path.split("/")) {
      e =
          children(e).stream()
              .filter(c -> c.getTagName().equals(name))
              .findFirst()
              .orElseThrow(() -> new AssertionError("pom.xml: no " + path));
    }
    return e;
  }

  private static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        out.add(c);
      }
    }
    return out;
  }

  /** The argument of each Dockerfile instruction {@code name}, in order. */
  private static List<String> instructions(String name) {
    return dockerfile.stream()
        .filter(l -> l.startsWith(name + " "))
        .map(l -> l.substring(name.length() + 1).trim())
        .map(arg -> name.equals("FROM") ? arg.replaceFirst("\\s+AS\\s+\\S+$", "") : arg)
        .toList();
  }

  private static List<String> joinContinuations(List<String> lines) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      current.append(line.strip());
      if (line.endsWith("\\")) {
        current.setLength(current.length() - 1);
        current.append(' ');
      } else {
        out.add(current.toString());
        current.setLength(0);
      }
    }
    return out;
  }

  private static JsonNode json(String text) {
    try {
      return StrictModel.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("Dockerfile: ENTRYPOINT is not JSON (exec form): " + text, e);
    }
  }
}
