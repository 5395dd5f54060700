package io.k8s.cvefeed.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KubeVersionTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "v1.27.2, 1.27.2",
    "1.27.2, 1.27.2",
    "V1.30.0, 1.30.0",
    "1.27, 1.27.0",
    "' v1.8.3 ', 1.8.3"
  })
  void shouldParseWithOrWithoutPrefixAndPatch(String text, String expected) throws Exception {
    assertThat(KubeVersion.parse(text)).hasToString(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "v1.x.2", "1.27.2-rc.1", "latest", "1.99999999999.0"})
  void shouldRefuseWhatIsNotAReleaseVersion(String text) {
    assertThatThrownBy(() -> KubeVersion.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a version")
        .hasMessageContaining("v1.27.2");
  }

  @Test
  void shouldOrderNumericallyNotAsText() throws Exception {
    assertThat(KubeVersion.parse("1.9.0")).isLessThan(KubeVersion.parse("1.10.0"));
    assertThat(KubeVersion.parse("1.27.10")).isGreaterThan(KubeVersion.parse("1.27.9"));
    assertThat(KubeVersion.parse("2.0")).isGreaterThan(KubeVersion.parse("1.99.99"));
    assertThat(KubeVersion.parse("v1.27")).isEqualByComparingTo(KubeVersion.parse("1.27.0"));
  }
}
