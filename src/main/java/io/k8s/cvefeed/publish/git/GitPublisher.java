package io.k8s.cvefeed.publish.git;

import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.publish.PublishPlan;
import io.k8s.cvefeed.publish.PublishResult;
import io.k8s.cvefeed.publish.Publisher;
import io.k8s.cvefeed.publish.Release;
import io.k8s.cvefeed.publish.TargetException;
import io.k8s.cvefeed.render.Artifact;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.jspecify.annotations.Nullable;

/**
 * Publishes into a git repository through a pull request: commits the release under {@link
 * GitTarget#path()} on the work branch, pushes it, then opens a pull request against the base
 * branch, or updates the one already open from the work branch.
 *
 * <p>What is published is the open pull request's branch when there is one, else the base branch.
 * The push is conditional on the branch tip read (a lease); when another writer moved it, the
 * commit is rebuilt on the new tip once, and the publish fails if that push is rejected too.
 */
public final class GitPublisher implements Publisher {
  private static final int ATTEMPTS = 2;
  private final GitTarget target;
  private final GitOptions options;
  private final @Nullable GitHubPulls pulls;
  private final @Nullable CredentialsProvider credentials;
  private @Nullable Path clone;

  /**
   * The remote's state: where to commit, what the base and the parent hold, and the work branch tip
   * the push expects ({@code null}: the branch must not exist).
   */
  private record State(
      RevCommit base,
      RevCommit parent,
      @Nullable ObjectId lease,
      GitHubPulls.@Nullable Pull pull,
      @Nullable Manifest baseManifest,
      @Nullable Manifest manifest) {}

  /**
   * @throws TargetException when the target names a GitHub repository but no token is given
   */
  public GitPublisher(GitTarget target, GitOptions options) {
    this.target = target;
    this.options = options;
    String token = options.token();
    this.credentials =
        token == null ? null : new UsernamePasswordCredentialsProvider("x-access-token", token);
    if (target.github() == null) {
      this.pulls = null;
    } else if (token == null) {
      throw new TargetException(
          target.display() + ": a pull request needs a GitHub token; set GITHUB_TOKEN");
    } else {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      this.pulls = new GitHubPulls(http, options.api(), target.github(), token, target.display());
    }
  }

  @Override
  public String target() {
    return target.display();
  }

  /** The local bare clone: the configured cache, or one temporary directory per publisher. */
  private Path localClone() throws PublishException {
    Path dir = options.cacheDir();
    if (dir == null) {
      dir = clone;
      if (dir == null) {
        dir = Workspace.temporaryDirectory(target());
        clone = dir;
      }
    }
    return dir;
  }

  @Override
  public synchronized @Nullable Manifest published() throws PublishException, InterruptedException {
    try (Workspace ws = Workspace.open(localClone(), credentials, target())) {
      return resolve(ws).manifest();
    }
  }

  /** Reads {@code path} (relative to the target's directory) from what is published. */
  @Override
  public synchronized byte @Nullable [] read(String path)
      throws PublishException, InterruptedException {
    try (Workspace ws = Workspace.open(localClone(), credentials, target())) {
      return ws.read(resolve(ws).parent(), PublishPlan.key(target.path(), path));
    }
  }

  @Override
  public synchronized PublishResult publish(Release release, @Nullable Manifest previous)
      throws PublishException, InterruptedException {
    PublishPlan plan = PublishPlan.of(release, previous, this);
    if (plan.unchanged()) {
      return new PublishResult(target(), 0, 0);
    }
    try (Workspace ws = Workspace.open(localClone(), credentials, target())) {
      for (int attempt = 1; ; attempt++) {
        State state = resolve(ws);
        requireUnchanged(state.manifest(), previous);
        RemoteRefUpdate.Status pushed = commitAndPush(ws, state, release, plan);
        if (pushed == null) {
          return new PublishResult(target(), 0, 0);
        }
        if (pushed == RemoteRefUpdate.Status.OK || pushed == RemoteRefUpdate.Status.UP_TO_DATE) {
          openPullRequest(state, release, ws);
          return new PublishResult(target(), plan.writes().size() + 1, plan.removals().size());
        }
        if (attempt == ATTEMPTS) {
          throw new PublishException(
              target()
                  + ": push to "
                  + target.workBranch()
                  + " rejected twice ("
                  + pushed
                  + "); another writer keeps pushing; rerun later");
        }
      }
    }
  }

  private State resolve(Workspace ws) throws PublishException, InterruptedException {
    ObjectId baseTip = ws.remoteTip(target.remote(), target.base());
    if (baseTip == null) {
      throw new PublishException(
          target() + ": branch " + target.base() + " does not exist; check ?branch=");
    }
    ObjectId workTip = ws.remoteTip(target.workRemote(), target.workBranch());
    GitHubPulls.Pull pull = pulls == null ? null : pulls.findOpen(head(), target.base());
    RevCommit base = ws.fetch(target.remote(), target.base(), baseTip);
    RevCommit parent = base;
    ObjectId lease = workTip;
    if (workTip != null && (pulls == null || pull != null)) {
      parent = ws.fetch(target.workRemote(), target.workBranch(), workTip);
      lease = parent;
    }
    return new State(base, parent, lease, pull, manifest(ws, base), manifest(ws, parent));
  }

  private @Nullable Manifest manifest(Workspace ws, RevCommit commit) throws PublishException {
    String path = PublishPlan.key(target.path(), Manifest.PATH);
    byte[] bytes = ws.read(commit, path);
    return bytes == null ? null : Manifest.parse(bytes, target() + " " + path);
  }

  private void requireUnchanged(@Nullable Manifest current, @Nullable Manifest previous)
      throws PublishException {
    PublishPlan.requireStillPublished(
        previous, current, target() + " " + PublishPlan.key(target.path(), Manifest.PATH));
  }

  /**
   * Commits the release on the parent and pushes it; {@code null} when the tree is unchanged. An
   * open pull request is updated before the push, so a failed update leaves the branch as it was.
   */
  private RemoteRefUpdate.@Nullable Status commitAndPush(
      Workspace ws, State state, Release release, PublishPlan plan)
      throws PublishException, InterruptedException {
    List<Artifact> files = new ArrayList<>(release.artifacts());
    files.add(plan.manifest());
    ObjectId tree = ws.tree(state.parent(), target.path(), files, plan.removals());
    if (tree.equals(state.parent().getTree())) {
      return null;
    }
    String body = body(state, release, ws);
    PersonIdent who =
        Workspace.ident(options.authorName(), options.authorEmail(), options.clock().instant());
    ObjectId commit = ws.commit(state.parent(), tree, who, options.title() + "\n\n" + body);
    GitHubPulls.Pull pull = state.pull();
    if (pulls != null && pull != null) {
      pulls.update(pull.number(), options.title(), body);
    }
    return ws.push(target.workRemote(), target.workBranch(), commit, state.lease());
  }

  private String body(State state, Release release, Workspace ws) {
    ChangeSummary summary =
        ChangeSummary.of(
            state.baseManifest(),
            release,
            path -> {
              try {
                return ws.read(state.base(), PublishPlan.key(target.path(), path));
              } catch (PublishException e) {
                return null;
              }
            });
    return summary.markdown(release.manifest().digest());
  }

  private void openPullRequest(State state, Release release, Workspace ws)
      throws PublishException, InterruptedException {
    if (pulls == null) {
      return;
    }
    GitHubPulls.Pull pull = state.pull();
    if (pull == null) {
      pull = pulls.create(options.title(), body(state, release, ws), head(), target.base());
    }
    pulls.label(pull.number(), options.labels());
  }

  /** {@code OWNER:branch}: the fork's owner when pushing to a fork. */
  private String head() {
    String push = target.pushRemote();
    String repo = target.github();
    String owner = repo == null ? "" : repo.substring(0, repo.indexOf('/'));
    if (push != null) {
      String[] segments = URI.create(push).getPath().split("/");
      owner = segments.length > 1 ? segments[1] : owner;
    }
    return owner + ":" + target.workBranch();
  }
}
