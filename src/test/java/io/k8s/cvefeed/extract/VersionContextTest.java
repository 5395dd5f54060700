package io.k8s.cvefeed.extract;

import static io.k8s.cvefeed.extract.RangeText.format;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Ranges that take their component or versions from the text around the version lines: an
 * affected-components section, a sentence naming the component, an introductory sentence instead of
 * a heading, the upgrade advice.
 */
class VersionContextTest {

  @Test
  void shouldReadAllVersionsAffectedUnderAffectedComponents() {
    DiagnosticLog log = new DiagnosticLog(97076);
    String body =
        "CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:L\n"
            + "### Affected Components and Configurations\n\n"
            + "All Kubernetes versions are affected. Multi-tenant clusters are most vulnerable.\n"
            + "### Mitigations\n\nThere is no patch for this issue.\n";

    Details d = AnnouncementReader.read(body, log);

    assertThat(format(d.ranges())).isEqualTo("kubernetes: introduced=0");
    assertThat(log.all()).isEmpty();
  }

  @Test
  void shouldNameComponentFromAffectedComponentsSection() {
    DiagnosticLog log = new DiagnosticLog(5);
    String body =
        "### Affected components:\n* Kubernetes API server\n\n"
            + "### Affected versions:\n* Kubernetes v1.11.0-1.11.7\n";

    Details d = AnnouncementReader.read(body, log);

    assertThat(format(d.ranges()))
        .isEqualTo("kube-apiserver: introduced=1.11.0 last_affected=1.11.7");
  }

  @Test
  void shouldNameComponentFromSentence() {
    DiagnosticLog log = new DiagnosticLog(5);
    String body =
        "This issue affects ingress-nginx. If you do not have it, you are fine.\n\n"
            + "#### Affected Versions\n- < v1.11.0\n";

    Details d = AnnouncementReader.read(body, log);

    assertThat(format(d.ranges())).isEqualTo("ingress-nginx: introduced=0 fixed=1.11.0");
  }

  @Test
  void shouldReadListAfterInTheFollowingVersionsSentence() {
    // The 2019 client-go announcement: no heading, a sentence ending in a colon, then bullets.
    DiagnosticLog log = new DiagnosticLog(5);
    String body =
        "In the following versions, `rest.AnonymousClientConfig()` leaked tokens:\n"
            + "* v1.12.0-v1.12.4\n* v1.13.0\n\n**What is the impact?**\n* v1.99.0 is prose here\n";

    Details d = AnnouncementReader.read(body, log);

    assertThat(format(d.ranges()))
        .isEqualTo(
            "kubernetes: introduced=1.12.0 last_affected=1.12.4; "
                + "kubernetes: introduced=1.13.0 last_affected=1.13.0");
    assertThat(log.all()).isEmpty();
  }

  @Test
  void shouldPairWithVersionsFromUpgradeAdvice() {
    // The 2025 ingress-nginx announcements name their fixes only in the mitigation advice.
    DiagnosticLog log = new DiagnosticLog(5);
    String body =
        "This issue affects ingress-nginx.\n\n"
            + "#### Affected Versions\n- < v1.11.0\n- v1.11.0 \\- 1.11.4\n- v1.12.0\n\n"
            + "### How do I mitigate this vulnerability?\n"
            + "**ACTION REQUIRED:** Upgrade ingress-nginx to v1.11.5, v1.12.1, or any later version.\n"
            + "Clusters upgraded from a version prior to v1.12.3 are fine.\n";

    Details d = AnnouncementReader.read(body, log);

    assertThat(format(d.ranges()))
        .isEqualTo(
            "ingress-nginx: introduced=0 fixed=1.11.5; ingress-nginx: introduced=1.12.0 fixed=1.12.1");
    assertThat(log.all()).isEmpty();
  }
}
