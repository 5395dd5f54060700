package io.k8s.cvefeed.check;

import io.k8s.cvefeed.model.InvalidInputException;
import io.k8s.cvefeed.model.KubeVersion;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A version a cluster reports, read as the upstream release it is built from. Distribution suffixes
 * ({@code v1.30.2-eks-1234}, {@code v1.29.4+k3s1}, {@code 1.28.15-gke.1}) are dropped; pre-releases
 * ({@code v1.31.0-rc.1}) are checked as the release they precede. Either way {@link #note()} says
 * so, so the output can report it.
 *
 * @param raw the text as reported, e.g. {@code v1.30.2-eks-1234}
 * @param version the upstream release checked, e.g. {@code 1.30.2}
 * @param note what normalisation did, or {@code null} when the text was a plain release
 */
public record RunningVersion(String raw, KubeVersion version, @Nullable String note) {
  private static final Pattern SHAPE =
      Pattern.compile("[vV]?(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,6}))?([-+][0-9A-Za-z.+_-]*)?");
  private static final Pattern PRE_RELEASE =
      Pattern.compile("-(?:alpha|beta|rc)(?:[.\\d].*)?", Pattern.CASE_INSENSITIVE);

  /** Reads a reported version; throws when it does not start with {@code MAJOR.MINOR}. */
  public static RunningVersion parse(String raw) throws InvalidInputException {
    Matcher m = SHAPE.matcher(raw.strip());
    if (!m.matches()) {
      throw new InvalidInputException(
          "\""
              + raw
              + "\": not a Kubernetes version; expected MAJOR.MINOR.PATCH such as v1.30.2,"
              + " optionally with a distribution suffix such as -eks-1234 or +k3s1");
    }
    String patch = m.group(3);
    KubeVersion v =
        new KubeVersion(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            patch == null ? 0 : Integer.parseInt(patch));
    String suffix = m.group(4);
    String note = null;
    if (suffix != null && PRE_RELEASE.matcher(suffix).matches()) {
      note = "pre-release \"" + suffix + "\" checked as release " + v;
    } else if (suffix != null) {
      note = "distribution suffix \"" + suffix + "\" ignored; checked as " + v;
    } else if (patch == null) {
      note = "no patch version; checked as " + v;
    }
    return new RunningVersion(raw.strip(), v, note);
  }
}
