package io.k8s.cvefeed.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.config.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The allow-list from a login file and from Prow's plugins.yaml. */
class TrustedLabelersTest {
  private static final Path PLUGINS = Path.of("src/test/resources/fixtures/prow/plugins.yaml");

  @TempDir Path dir;

  @Test
  void shouldReadOneLoginPerLineSkippingCommentsAndBlanks() throws Exception {
    Path file = dir.resolve("trusted.txt");
    Files.writeString(
        file, "# security response committee\nAlice\n\n  @bob   # via the UI\nk8s-ci-robot\n");

    TrustedLabelers t = TrustedLabelers.readFile(file);

    assertThat(t.users()).containsExactlyInAnyOrder("alice", "bob", "k8s-ci-robot");
    assertThat(t.teams()).isEmpty();
  }

  @Test
  void shouldRejectALineThatIsNotALogin() throws Exception {
    Path file = dir.resolve("trusted.txt");
    Files.writeString(file, "alice\nbob carol\n");

    assertThatThrownBy(() -> TrustedLabelers.readFile(file))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("trusted.txt:2: 'bob carol' is not a GitHub login");
  }

  @Test
  void shouldTakeTheUsersAndTeamsProwAllowsForTheLabelInThisRepository() throws Exception {
    TrustedLabelers t = ProwLabelConfig.read(PLUGINS, "kubernetes/kubernetes", "official-cve-feed");

    assertThat(t.users()).containsExactlyInAnyOrder("alice", "bob");
    assertThat(t.teams())
        .containsExactly(new TrustedLabelers.Team("kubernetes", "security-response-committee"));
  }

  @Test
  void shouldRefuseAPluginsFileWithoutAnEntryForTheLabel() {
    assertThatThrownBy(() -> ProwLabelConfig.read(PLUGINS, "kubernetes/kubernetes", "no-such"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("no label.restricted_labels entry for 'no-such'");
  }

  @Test
  void shouldRefuseYamlThatDoesNotParse() {
    assertThatThrownBy(
            () -> ProwLabelConfig.parse("label: [unclosed", "p.yaml", "o/r", "official-cve-feed"))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("p.yaml: not valid YAML");
  }

  @Test
  void shouldJoinBothLists() throws Exception {
    TrustedLabelers joined =
        ProwLabelConfig.read(PLUGINS, "kubernetes/kubernetes", "official-cve-feed")
            .and(new TrustedLabelers(Set.of("K8s-CI-Robot"), List.of()));

    assertThat(joined.users()).containsExactlyInAnyOrder("alice", "bob", "k8s-ci-robot");
    assertThat(joined.teams()).hasSize(1);
  }
}
