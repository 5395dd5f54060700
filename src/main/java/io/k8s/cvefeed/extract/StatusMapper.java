package io.k8s.cvefeed.extract;

import io.k8s.cvefeed.model.Status;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Maps an issue's GitHub {@code state} and {@code state_reason} to the feed's fix status.
 *
 * <p>open → {@code open}; open and reopened → {@code unknown}; closed and completed, or closed
 * without a reason (issues closed before GitHub recorded reasons) → {@code fixed}; closed and
 * not_planned → {@code unfixed}; anything else → {@code unknown} with a diagnostic.
 */
final class StatusMapper {

  /** The status and, when the pair was not one we know, a diagnostic. */
  record Mapped(Status status, Optional<Diagnostic> diagnostic) {}

  private StatusMapper() {}

  static Mapped map(long issue, String state, @Nullable String reason) {
    String r = reason == null ? "" : reason;
    return switch (state) {
      case "open" ->
          switch (r) {
            case "" -> ok(Status.OPEN);
            case "reopened" -> ok(Status.UNKNOWN);
            default -> unknown(issue, state, r);
          };
      case "closed" ->
          switch (r) {
            case "", "completed" -> ok(Status.FIXED);
            case "not_planned" -> ok(Status.UNFIXED);
            default -> unknown(issue, state, r);
          };
      default -> unknown(issue, state, r);
    };
  }

  private static Mapped ok(Status status) {
    return new Mapped(status, Optional.empty());
  }

  private static Mapped unknown(long issue, String state, String reason) {
    String message =
        "state \""
            + state
            + "\" with state_reason \""
            + reason
            + "\" is not a known pair; status set to unknown";
    return new Mapped(
        Status.UNKNOWN, Optional.of(new Diagnostic(issue, "status.unknown", message, false)));
  }
}
