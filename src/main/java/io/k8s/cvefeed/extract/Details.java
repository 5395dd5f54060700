package io.k8s.cvefeed.extract;

import io.k8s.cvefeed.model.AffectedRange;
import io.k8s.cvefeed.model.Cvss;
import io.k8s.cvefeed.model.DetailSource;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The structured facts one extraction path found in a body. */
record Details(@Nullable Cvss cvss, List<AffectedRange> ranges, DetailSource source) {
  Details {
    ranges = List.copyOf(ranges);
  }

  static Details titleOnly() {
    return new Details(null, List.of(), DetailSource.TITLE_ONLY);
  }
}
