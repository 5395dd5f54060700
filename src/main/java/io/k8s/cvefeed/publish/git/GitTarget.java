package io.k8s.cvefeed.publish.git;

import org.jspecify.annotations.Nullable;

/**
 * Where a {@link GitPublisher} writes.
 *
 * @param remote the git URL without {@code git+}: {@code https://github.com/OWNER/REPO.git} or
 *     {@code file:///srv/repo.git}; never carries a credential
 * @param base the branch pull requests target, e.g. {@code main}
 * @param path the directory in the repository, without leading or trailing {@code /}; {@code ""}
 *     for the root
 * @param workBranch the branch commits go to, e.g. {@code cvefeed/update}
 * @param pushRemote the git URL to push {@code workBranch} to (a fork), or {@code null} for {@code
 *     remote}
 * @param github {@code OWNER/REPO} to open pull requests in, or {@code null} for none
 */
public record GitTarget(
    String remote,
    String base,
    String path,
    String workBranch,
    @Nullable String pushRemote,
    @Nullable String github) {

  /** The URL the work branch is pushed to and read from. */
  public String workRemote() {
    return pushRemote == null ? remote : pushRemote;
  }

  /** The target as the user wrote it, for messages. */
  public String display() {
    return "git+" + remote + "?branch=" + base + (path.isEmpty() ? "" : "&path=" + path);
  }
}
