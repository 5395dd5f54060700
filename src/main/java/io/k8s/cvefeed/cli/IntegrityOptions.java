package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.config.RefreshConfig;
import io.k8s.cvefeed.config.UsageException;
import io.k8s.cvefeed.github.GitHubClient;
import io.k8s.cvefeed.github.IssueEventsSource;
import io.k8s.cvefeed.github.TeamMembersSource;
import io.k8s.cvefeed.integrity.LabelPolicy;
import io.k8s.cvefeed.integrity.LabelProvenanceCheck;
import io.k8s.cvefeed.integrity.ManifestSignature;
import io.k8s.cvefeed.integrity.PemKeys;
import io.k8s.cvefeed.integrity.ProvenanceCache;
import io.k8s.cvefeed.integrity.ProwLabelConfig;
import io.k8s.cvefeed.integrity.TrustedLabelers;
import io.k8s.cvefeed.refresh.Refresher;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Label provenance and signing options of a refresh; a mixin of {@link RefreshOptions}. */
final class IntegrityOptions {
  /** Where the label provenance cache lives, under {@code --cache-dir}. */
  static final String PROVENANCE_DIR = "label-provenance";

  @Option(
      names = "--label-policy",
      paramLabel = "off|warn|enforce",
      description =
          "Check who applied the feed label: warn about, or (enforce) leave out, items labelled"
              + " by someone not trusted (default: ${DEFAULT-VALUE}).")
  String labelPolicy = "warn";

  @Option(
      names = "--trusted-labelers",
      paramLabel = "FILE",
      description = "GitHub logins trusted to apply the feed label, one per line; # comments.")
  @Nullable Path trustedLabelers;

  @Option(
      names = "--trusted-labelers-from",
      paramLabel = "PLUGINS_YAML",
      description =
          "Prow plugins.yaml: trust the users and teams its label.restricted_labels lists for the"
              + " feed label (teams need GITHUB_TOKEN).")
  @Nullable Path trustedFrom;

  @Option(
      names = "--signing-key",
      paramLabel = "FILE",
      description = "ECDSA P-256 private key (PEM) to sign manifest.json into manifest.json.sig.")
  @Nullable Path signingKey;

  /** Whether the provenance cache lives in memory (a service) rather than under --cache-dir. */
  private boolean inMemory;

  /** What {@link #wire} chose that changes the feed, once it ran. */
  private String salt = "";

  /** Keeps the label provenance cache in memory, as a long-running service does; returns this. */
  IntegrityOptions inMemory() {
    this.inMemory = true;
    return this;
  }

  /** Adds the label provenance check and the signer the options ask for to {@code builder}. */
  Refresher.Builder wire(
      Refresher.Builder builder, RefreshConfig config, GitHubClient client, Consumer<String> notes)
      throws UsageException {
    LabelPolicy policy;
    try {
      policy = LabelPolicy.parse(labelPolicy);
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()));
    }
    TrustedLabelers trusted = trusted(config);
    salt = "label-policy " + policy + " trusted " + trusted.describe();
    if (policy == LabelPolicy.ENFORCE && trusted.isEmpty()) {
      throw new UsageException(
          "--label-policy enforce: nobody is trusted; give --trusted-labelers or"
              + " --trusted-labelers-from");
    }
    if (policy != LabelPolicy.OFF && trusted.isEmpty()) {
      notes.accept(
          "note: label provenance not checked: no --trusted-labelers or --trusted-labelers-from"
              + " (or say --label-policy off)");
    }
    if (policy != LabelPolicy.OFF && !trusted.isEmpty()) {
      builder.check(
          new LabelProvenanceCheck(
              policy,
              config.label(),
              trusted,
              new IssueEventsSource(client, config.repo()),
              new TeamMembersSource(client),
              inMemory
                  ? ProvenanceCache.inMemory()
                  : ProvenanceCache.directory(config.cacheDir().resolve(PROVENANCE_DIR))));
    }
    if (signingKey != null) {
      builder.signer(new ManifestSignature(PemKeys.readPrivateKey(signingKey)));
    }
    return builder;
  }

  /**
   * The label policy and the trusted accounts {@link #wire} used: a change of either changes which
   * issues reach the feed, so it makes the next refresh a full one.
   */
  String salt() {
    return salt;
  }

  private TrustedLabelers trusted(RefreshConfig config) throws UsageException {
    TrustedLabelers trusted = TrustedLabelers.none();
    if (trustedLabelers != null) {
      trusted = trusted.and(TrustedLabelers.readFile(trustedLabelers));
    }
    if (trustedFrom != null) {
      trusted = trusted.and(ProwLabelConfig.read(trustedFrom, config.repo(), config.label()));
    }
    return trusted;
  }
}
