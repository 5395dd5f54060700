package io.k8s.cvefeed.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.model.InvalidInputException;
import io.k8s.cvefeed.model.KubeVersion;
import io.k8s.cvefeed.model.RangeEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RangeMatchTest {
  /** {@code i:1.27.0 f:1.27.3 l:1.28.11} → events; {@code i:0} is "all earlier". */
  private static List<RangeEvent> events(String spec) {
    List<RangeEvent> out = new ArrayList<>();
    for (String e : spec.strip().split("\\s+")) {
      String[] kv = e.split(":", 2);
      out.add(
          switch (kv[0]) {
            case "i" -> RangeEvent.introduced(kv[1]);
            case "f" -> RangeEvent.fixed(kv[1]);
            case "l" -> RangeEvent.lastAffected(kv[1]);
            case "m" -> RangeEvent.limit(kv[1]);
            default -> throw new IllegalArgumentException(e);
          });
    }
    return out;
  }

  @ParameterizedTest(name = "{0} in [{1}]")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // running | events                                   | affected | fixed in | last affected
        "1.27.2    | i:1.27.0 f:1.27.3                        | true     | 1.27.3   | -",
        "1.27.3    | i:1.27.0 f:1.27.3                        | false    | -        | -",
        "1.27.0    | i:1.27.0 f:1.27.3                        | true     | 1.27.3   | -",
        "1.26.9    | i:1.27.0 f:1.27.3                        | false    | -        | -",
        "1.28.0    | i:1.27.0 f:1.27.3                        | false    | -        | -",
        // Several lines, each with its own fix; a version between lines is not affected.
        "1.26.5    | i:1.27.0 f:1.27.3 i:1.26.0 f:1.26.6      | true     | 1.26.6   | -",
        "1.26.6    | i:1.27.0 f:1.27.3 i:1.26.0 f:1.26.6      | false    | -        | -",
        // Unsorted, with 'introduced 0': everything older than the first fix is affected.
        "1.25.1    | i:1.27.0 f:1.27.3 i:0 f:1.26.6           | true     | 1.26.6   | -",
        "1.26.7    | i:1.27.0 f:1.27.3 i:0 f:1.26.6           | false    | -        | -",
        "1.27.1    | i:1.27.0 f:1.27.3 i:0 f:1.26.6           | true     | 1.27.3   | -",
        // last_affected: inclusive upper bound, no fix to name.
        "1.28.11   | i:0 l:1.28.11                            | true     | -        | 1.28.11",
        "1.28.12   | i:0 l:1.28.11                            | false    | -        | -",
        // Open range: introduced only.
        "1.30.2    | i:1.30.0                                 | true     | -        | -",
        // Same version introduced and fixed: nothing affected.
        "1.30.0    | i:1.30.0 f:1.30.0                        | false    | -        | -",
        // A pre-release fix sorts before its release.
        "1.31.0    | i:1.30.0 f:1.31.0-rc.1                   | false    | -        | -",
        "1.30.9    | i:1.30.0 f:1.31.0-rc.1                   | true     | 1.31.0-rc.1 | -",
        // limit: the span ends there without a fix (a CVE record's whole v1.8 line).
        "1.13.4    | i:1.8.0 m:1.9.0 i:1.13.0 m:1.14.0        | true     | -        | -",
        "1.14.0    | i:1.8.0 m:1.9.0 i:1.13.0 m:1.14.0        | false    | -        | -",
        "1.29.12   | i:1.8.0 m:1.9.0 i:1.13.0 m:1.14.0        | false    | -        | -",
        // Versions written with a v prefix or without a patch.
        "1.24.9    | i:v1.24 f:v1.24.10                       | true     | 1.24.10  | -",
      })
  void shouldFollowOsvSemverSemantics(
      String running, String spec, boolean affected, String fixedIn, String lastAffected)
      throws InvalidInputException {
    RangeMatch m = RangeMatch.of(events(spec), KubeVersion.parse(running));
    assertThat(m).isEqualTo(new RangeMatch(affected, fixedIn, lastAffected));
  }

  @Test
  void shouldRefuseAnEventThatIsNotSemver() {
    assertThatThrownBy(() -> RangeMatch.of(events("i:0 f:deadbeef"), new KubeVersion(1, 2, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixed \"deadbeef\" is not a SemVer version");
  }
}
