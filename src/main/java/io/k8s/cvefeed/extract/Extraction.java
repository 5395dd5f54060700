package io.k8s.cvefeed.extract;

import io.k8s.cvefeed.model.Advisory;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of reading one issue.
 *
 * @param advisory the advisory, or {@code null} when the issue is skipped
 * @param diagnostics every problem found, in the order found
 */
public record Extraction(@Nullable Advisory advisory, List<Diagnostic> diagnostics) {
  public Extraction {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean skipped() {
    return advisory == null;
  }
}
