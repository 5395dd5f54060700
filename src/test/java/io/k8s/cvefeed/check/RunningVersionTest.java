package io.k8s.cvefeed.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.model.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RunningVersionTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // raw                      | checked as | note
        "v1.30.2                    | 1.30.2     | -",
        "1.30.2                     | 1.30.2     | -",
        "V1.30.2                    | 1.30.2     | -",
        "v1.30.2-eks-1234           | 1.30.2     | distribution suffix \"-eks-1234\" ignored; checked as 1.30.2",
        "v1.30.2-eks-49c6de4        | 1.30.2     | distribution suffix \"-eks-49c6de4\" ignored; checked as 1.30.2",
        "v1.29.4+k3s1               | 1.29.4     | distribution suffix \"+k3s1\" ignored; checked as 1.29.4",
        "v1.28.15+rke2r1            | 1.28.15    | distribution suffix \"+rke2r1\" ignored; checked as 1.28.15",
        "1.28.15-gke.1              | 1.28.15    | distribution suffix \"-gke.1\" ignored; checked as 1.28.15",
        "v1.27.6+f67aeb3            | 1.27.6     | distribution suffix \"+f67aeb3\" ignored; checked as 1.27.6",
        "v1.31.0-rc.1               | 1.31.0     | pre-release \"-rc.1\" checked as release 1.31.0",
        "v1.32.0-alpha.3.54+abcdef  | 1.32.0     | pre-release \"-alpha.3.54+abcdef\" checked as release 1.32.0",
        "1.30                       | 1.30.0     | no patch version; checked as 1.30.0",
        "'  v1.30.2  '              | 1.30.2     | -",
      })
  void shouldNormaliseDistributionVersions(String raw, String checkedAs, String note)
      throws InvalidInputException {
    RunningVersion v = RunningVersion.parse(raw);
    assertThat(v.version()).hasToString(checkedAs);
    assertThat(v.note()).isEqualTo(note);
    assertThat(v.raw()).isEqualTo(raw.strip());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "latest", "v1", "1.x.2", "v1.30.2 extra", "1.30.2.4", "v1.30.2/eks"})
  void shouldRejectTextThatIsNotAVersion(String raw) {
    assertThatThrownBy(() -> RunningVersion.parse(raw))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("\"" + raw + "\": not a Kubernetes version");
  }
}
