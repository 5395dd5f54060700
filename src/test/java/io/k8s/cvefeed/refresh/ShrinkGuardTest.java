package io.k8s.cvefeed.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guard counts published ids that vanished, whatever else was added. */
class ShrinkGuardTest {
  private static List<String> ids(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> String.format("CVE-2024-%04d", i))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // name                               | published | lost | added | refused
        "nothing lost                         | 100       | 0    | 0     | false",
        "5 of 100 lost                        | 100       | 5    | 0     | false",
        "6 of 100 lost                        | 100       | 6    | 0     | true",
        "6 lost and 1 new: net 5, still lost 6 | 100      | 6    | 1     | true",
        "6 lost and 6 new: same size          | 100       | 6    | 6     | true",
        "2 of 10 lost: over 10 %              | 10        | 2    | 0     | true",
        "1 of 10 lost: 10 %                   | 10        | 1    | 0     | false",
        "only additions                       | 10        | 0    | 5     | false",
      })
  void shouldCountPublishedIdsThatAreMissing(
      String name, int published, int lost, int added, boolean refused) {
    List<String> before = ids(1, published);
    List<String> after = new ArrayList<>(ids(lost + 1, published));
    after.addAll(ids(published + 1, published + added));

    String refusal = ShrinkGuard.check(before, after);

    assertThat(refusal != null).isEqualTo(refused);
  }

  @Test
  void shouldNameEveryMissingIdAndTheWayOut() {
    List<String> before = ids(1, 100);
    List<String> after = new ArrayList<>(ids(7, 100));
    after.add("CVE-2025-0001");

    String refusal = ShrinkGuard.check(before, after);

    assertThat(refusal)
        .startsWith("6 of the 100 published ids would vanish")
        .contains(
            "missing: CVE-2024-0001, CVE-2024-0002, CVE-2024-0003, CVE-2024-0004,"
                + " CVE-2024-0005, CVE-2024-0006;",
            "--allow-shrink")
        .doesNotContain("CVE-2025-0001");
  }
}
