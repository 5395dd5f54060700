package io.k8s.cvefeed.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CveIdTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "CVE-2023-2727, CVE-2023-2727",
    "cve-2023-2727, CVE-2023-2727",
    "'  CVE-2021-25741 ', CVE-2021-25741",
    "CVE-2024-123456, CVE-2024-123456"
  })
  void shouldParseUntrustedTextToUpperCase(String text, String expected) throws Exception {
    assertThat(CveId.parse(text).value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "CVE-2023-272", "CVE-23-2727", "CVE-2023-2727x", "GHSA-2023-2727"})
  void shouldRefuseTextThatIsNotAnIdAndSayWhatIsExpected(String text) {
    assertThatThrownBy(() -> CveId.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a CVE id")
        .hasMessageContaining("CVE-YYYY-NNNN");
  }

  @Test
  void shouldRefuseLowerCaseFromTrustedCallers() {
    assertThatThrownBy(() -> CveId.of("cve-2023-2727"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldOrderByYearThenNumericallyBySequence() {
    List<CveId> ids =
        new ArrayList<>(
            List.of(
                CveId.of("CVE-2023-10000"),
                CveId.of("CVE-2022-9999"),
                CveId.of("CVE-2023-2727"),
                CveId.of("CVE-2023-100000"),
                CveId.of("CVE-2023-0001")));
    Collections.shuffle(ids, new java.util.Random(7));

    Collections.sort(ids);

    assertThat(ids)
        .extracting(CveId::value)
        .containsExactly(
            "CVE-2022-9999", "CVE-2023-0001", "CVE-2023-2727", "CVE-2023-10000", "CVE-2023-100000");
    assertThat(CveId.of("CVE-2023-2727").year()).isEqualTo(2023);
  }
}
