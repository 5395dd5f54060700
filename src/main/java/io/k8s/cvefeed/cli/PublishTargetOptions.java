package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.config.RefreshConfig;
import io.k8s.cvefeed.publish.PublishOptions;
import io.k8s.cvefeed.publish.git.GitOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Settings of the {@code --publish} targets that do not fit in their URIs. */
final class PublishTargetOptions {
  @Option(
      names = "--gcs-endpoint",
      paramLabel = "URL",
      description = "Cloud Storage endpoint, e.g. an emulator (default: Google Cloud, ADC).")
  @Nullable URI gcsEndpoint;

  @Option(
      names = "--s3-endpoint",
      paramLabel = "URL",
      description = "S3-compatible endpoint (default: AWS, default credential chain).")
  @Nullable URI s3Endpoint;

  @Option(
      names = "--s3-path-style",
      description = "Path-style S3 addressing, which most S3-compatible stores need.")
  boolean s3PathStyle;

  @Option(names = "--s3-region", paramLabel = "REGION", description = "AWS region.")
  @Nullable String s3Region;

  @Option(
      names = "--pr-title",
      paramLabel = "TEXT",
      description = "Pull request title for git targets (default: ${DEFAULT-VALUE}).")
  String prTitle = GitOptions.DEFAULT_TITLE;

  @Option(
      names = "--pr-label",
      paramLabel = "LABEL",
      description = "Label for the pull request of git targets; repeatable.")
  List<String> prLabels = new ArrayList<>();

  @Option(
      names = "--git-author-name",
      paramLabel = "NAME",
      description = "Commit author name for git targets (default: ${DEFAULT-VALUE}).")
  String authorName = "cvefeed";

  @Option(
      names = "--git-author-email",
      paramLabel = "EMAIL",
      description = "Commit author email for git targets (default: ${DEFAULT-VALUE}).")
  String authorEmail = "cvefeed@users.noreply.github.com";

  @Option(
      names = "--git-cache",
      paramLabel = "DIR",
      description = "Keep the git targets' clones here between runs (default: a fresh clone).")
  @Nullable Path gitCache;

  PublishOptions toOptions(RefreshConfig config, Clock clock) {
    GitOptions git =
        new GitOptions(
            authorName,
            authorEmail,
            prTitle,
            prLabels,
            config.token(),
            config.githubApi(),
            gitCache,
            clock);
    return new PublishOptions(gcsEndpoint, s3Endpoint, s3PathStyle, s3Region, git);
  }
}
