package io.k8s.cvefeed.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.Status;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusMapperTest {

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "open,   null,        OPEN",
        "open,   reopened,    UNKNOWN",
        "closed, completed,   FIXED",
        "closed, null,        FIXED",
        "closed, not_planned, UNFIXED",
      })
  void shouldMapKnownStatePairsWithoutDiagnostic(
      String state, @Nullable String reason, Status expected) {
    StatusMapper.Mapped mapped = StatusMapper.map(7, state, reason);

    assertThat(mapped.status()).isEqualTo(expected);
    assertThat(mapped.diagnostic()).isEmpty();
  }

  @ParameterizedTest(name = "{0} + {1} -> UNKNOWN with diagnostic")
  @CsvSource(
      nullValues = "null",
      value = {"closed, duplicate", "open, completed", "locked, null"})
  void shouldMapUnknownPairsToUnknownWithDiagnostic(String state, @Nullable String reason) {
    StatusMapper.Mapped mapped = StatusMapper.map(7, state, reason);

    assertThat(mapped.status()).isEqualTo(Status.UNKNOWN);
    assertThat(mapped.diagnostic())
        .hasValueSatisfying(
            d -> {
              assertThat(d.issueNumber()).isEqualTo(7);
              assertThat(d.kind()).isEqualTo("status.unknown");
              assertThat(d.message()).contains(state);
              assertThat(d.skipsIssue()).isFalse();
            });
  }
}
