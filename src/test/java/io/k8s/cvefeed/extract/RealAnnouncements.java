package io.k8s.cvefeed.extract;

import io.k8s.cvefeed.github.RawIssue;
import java.util.List;

/** The real announcements, as the other real-data tests read them, for tests in other packages. */
public final class RealAnnouncements {
  private RealAnnouncements() {}

  /** shared/data/k8s-issues/issues.json as issues (placeholders with their later feed text). */
  public static List<RawIssue> issues() throws Exception {
    return RealAnnouncementsTest.bodies();
  }
}
