package io.k8s.cvefeed.publish.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.publish.Publisher;
import io.k8s.cvefeed.publish.PublisherContract;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GitPublisher} against a bare repository in a temporary directory as the remote, and {@link
 * FakePullRequests} for the pull request calls.
 */
class GitPublisherIT extends PublisherContract {
  private static final String TOKEN = "ghp_contractTestTokenNeverPrinted0123";
  private static final String WORK = "cvefeed/update";
  private static final String DIR = "static/security";
  @TempDir Path temp;
  private BareRemote remote;
  private FakePullRequests github;
  private GitTarget target;
  private GitOptions options;

  @BeforeEach
  void createRemote() throws Exception {
    remote = new BareRemote(temp.resolve("website.git"));
    github = new FakePullRequests("kubernetes/website", TOKEN);
    target = new GitTarget(remote.url, "main", DIR, WORK, null, "kubernetes/website");
    options =
        new GitOptions(
            "CVE Feed Bot",
            "bot@example.org",
            "Update the CVE feed",
            List.of("area/security", "lgtm-not-needed"),
            TOKEN,
            github.api(),
            temp.resolve("cache.git"), // kept between calls, as a daemon would
            Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    github.close();
    remote.close();
  }

  @Override
  protected Publisher newPublisher() {
    return new GitPublisher(target, options);
  }

  @Override
  protected Map<String, byte[]> stored() throws Exception {
    return remote.files(WORK, DIR);
  }

  @Override
  protected int writes() throws Exception {
    return remote.commits(WORK) + github.writes.get();
  }

  @Override
  protected void failWritesOf(String path) {
    github.failing = true; // a push is atomic: the pull request update is what fails midway
  }

  @Override
  protected void restoreWrites() throws Exception {
    github.failing = false;
    Files.deleteIfExists(workRefLock());
  }

  /**
   * A push is one step: the 1st write is the push, refused by a held lock on the work branch's ref
   * (as a concurrent push would hold it); the 2nd is the pull request update.
   */
  @Override
  protected void failNthWrite(int n) throws Exception {
    if (n == 1) {
      Files.createDirectories(workRefLock().getParent());
      Files.writeString(workRefLock(), "");
    } else if (n == 2) {
      github.failing = true;
    }
  }

  private Path workRefLock() {
    return temp.resolve("website.git/refs/heads/" + WORK + ".lock");
  }

  @Test
  void shouldLeaveTheRemoteAsItWasWhenThePushFails() throws Exception {
    newPublisher().publish(FIRST, null);
    Map<String, String> before = storedText();
    int commits = remote.commits(WORK);
    failNthWrite(1);

    Publisher publisher = newPublisher();
    Manifest previous = publisher.published();
    assertThatThrownBy(() -> publisher.publish(SECOND, previous))
        .isInstanceOf(PublishException.class);

    assertThat(storedText()).isEqualTo(before);
    assertThat(remote.commits(WORK)).isEqualTo(commits);
    restoreWrites();
    Publisher again = newPublisher();
    again.publish(SECOND, again.published());
    assertThat(storedText()).containsExactlyInAnyOrderEntriesOf(expectedFiles(SECOND));
  }

  @Test
  void shouldOpenOnePullRequestAndUpdateItOnLaterPublishes() throws Exception {
    newPublisher().publish(FIRST, null);
    Publisher publisher = newPublisher();
    publisher.publish(SECOND, publisher.published());

    assertThat(github.pulls).hasSize(1);
    FakePullRequests.Pull pull = github.pulls.get(0);
    assertThat(pull.head).isEqualTo("kubernetes:" + WORK);
    assertThat(pull.base).isEqualTo("main");
    assertThat(pull.title).isEqualTo("Update the CVE feed");
    assertThat(pull.labels).containsExactly("area/security", "lgtm-not-needed");
    assertThat(pull.body).contains("Added:\n- CVE-2026-0001\n- CVE-2026-0002\n");
    assertThat(pull.body).contains(SECOND.manifest().digest());
  }

  @Test
  void shouldCommitWithTheConfiguredIdentityOnTopOfTheBaseBranch() throws Exception {
    RevCommit main = remote.tip("main");
    newPublisher().publish(FIRST, null);

    RevCommit commit = remote.tip(WORK);
    assertThat(commit.getParents()).extracting(RevCommit::getId).containsExactly(main.getId());
    assertThat(commit.getAuthorIdent().getName()).isEqualTo("CVE Feed Bot");
    assertThat(commit.getAuthorIdent().getEmailAddress()).isEqualTo("bot@example.org");
    assertThat(commit.getAuthorIdent().getWhenAsInstant())
        .isEqualTo(Instant.parse("2026-03-04T05:06:07Z"));
    assertThat(commit.getShortMessage()).isEqualTo("Update the CVE feed");
    assertThat(remote.tip("main")).isEqualTo(main);
  }

  @Test
  void shouldRebuildOnTheNewTipOnceWhenThePushIsRejected() throws Exception {
    newPublisher().publish(FIRST, null);
    // Between our fetch and our push, someone adds a commit to the work branch, once.
    github.beforeUpdate =
        () -> {
          github.beforeUpdate = () -> {};
          remote.pushEmptyCommit(WORK);
        };

    Publisher publisher = newPublisher();
    publisher.publish(SECOND, publisher.published());

    assertThat(storedText()).containsExactlyInAnyOrderEntriesOf(expectedFiles(SECOND));
    assertThat(remote.tip(WORK).getParent(0).getShortMessage()).isEqualTo("another writer");
    assertThat(github.pulls).hasSize(1);
  }

  @Test
  void shouldFailClearlyWhenThePushIsRejectedTwice() throws Exception {
    newPublisher().publish(FIRST, null);
    github.beforeUpdate = () -> remote.pushEmptyCommit(WORK);

    Publisher publisher = newPublisher();
    Manifest previous = publisher.published();
    assertThatThrownBy(() -> publisher.publish(SECOND, previous))
        .isInstanceOf(PublishException.class)
        .hasMessageStartingWith(publisher.target() + ": push to " + WORK + " rejected twice")
        .hasMessageEndingWith("rerun later");
  }

  @Test
  void shouldPushTheWorkBranchWithoutPullRequestsForAPlainRepository() throws Exception {
    GitTarget plain = new GitTarget(remote.url, "main", DIR, WORK, null, null);
    GitOptions noToken =
        new GitOptions(
            "a", "a@example.org", "t", List.of(), null, github.api(), null, options.clock());

    new GitPublisher(plain, noToken).publish(FIRST, null);
    Publisher publisher = new GitPublisher(plain, noToken);
    publisher.publish(SECOND, publisher.published());

    assertThat(storedText()).containsExactlyInAnyOrderEntriesOf(expectedFiles(SECOND));
    assertThat(remote.commits(WORK)).isEqualTo(3);
    assertThat(github.writes.get()).isZero();
  }

  @Test
  void shouldOpenAPullRequestAgainWhenTheBranchWasPushedButNoneIsOpen() throws Exception {
    newPublisher().publish(FIRST, null);
    github.pulls.get(0).state = "closed"; // e.g. a maintainer closed it, or creating it failed

    Publisher publisher = newPublisher();
    assertThat(publisher.published()).isNull();
    publisher.publish(FIRST, null);

    assertThat(github.pulls).extracting(p -> p.state).containsExactly("closed", "open");
    assertThat(storedText()).containsExactlyInAnyOrderEntriesOf(expectedFiles(FIRST));
  }

  @Test
  void shouldNeverPrintTheTokenWhenGitHubOrTheRemoteRefuse() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    String messages;
    try (PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(tee);
      System.setErr(tee);
      GitOptions wrongToken =
          new GitOptions(
              "a",
              "a@example.org",
              "t",
              List.of(),
              TOKEN + "-other",
              github.api(),
              null,
              options.clock());
      GitTarget httpRemote =
          new GitTarget(
              github.api() + "/kubernetes/website.git",
              "main",
              DIR,
              WORK,
              null,
              "kubernetes/website");
      messages =
          failure(() -> new GitPublisher(target, wrongToken).publish(FIRST, null))
              + failure(() -> new GitPublisher(httpRemote, options).published())
              + wrongToken;
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(messages).contains("401").contains("***");
    assertThat(messages + captured.toString(StandardCharsets.UTF_8))
        .doesNotContain(TOKEN)
        .doesNotContain("contractTestToken");
  }

  /** The whole cause chain of what {@code call} throws. */
  private static String failure(ThrowingCall call) {
    try {
      call.run();
    } catch (Exception e) {
      StringBuilder text = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        text.append(t).append('\n');
      }
      return text.toString();
    }
    throw new AssertionError("expected a failure");
  }

  private interface ThrowingCall {
    void run() throws Exception;
  }
}
