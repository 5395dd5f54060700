package io.k8s.cvefeed.check;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.k8s.cvefeed.config.UsageException;
import io.k8s.cvefeed.model.InvalidInputException;
import io.k8s.cvefeed.net.NetworkFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a cluster runs, through fabric8's client: the API server's {@code /version} stands for
 * the control plane; each node's {@code kubeletVersion} and {@code kubeProxyVersion} for itself.
 * Nodes running the same version are one target. The only class that talks to a cluster: fabric8
 * stays in this package (an architecture rule keeps it here).
 */
public final class ClusterVersions {
  static final int TIMEOUT_MS = 15_000;

  private ClusterVersions() {}

  /** Reading the cluster failed; the message names the cluster and the cause. */
  public static final class ClusterException extends Exception {
    private static final long serialVersionUID = 1L;

    ClusterException(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The targets a cluster runs: its control plane, then one per (node component, version).
   *
   * @throws UsageException the kubeconfig or context cannot be used
   * @throws ClusterException the cluster cannot be read
   */
  public static List<Target> read(Path kubeconfig, @Nullable String context)
      throws UsageException, ClusterException {
    if (!Files.isRegularFile(kubeconfig)) {
      throw new UsageException("--kubeconfig " + kubeconfig + ": no such file");
    }
    Config config;
    try {
      config = Config.fromKubeconfig(context, kubeconfig.toFile());
    } catch (KubernetesClientException | IllegalArgumentException e) {
      throw new UsageException(
          "--kubeconfig " + kubeconfig + ": cannot use it (" + rootMessage(e) + ")");
    }
    if (context != null
        && config.getContexts().stream().noneMatch(c -> context.equals(c.getName()))) {
      // fabric8 falls back to the current context: never check a cluster not asked for.
      throw new UsageException("--context " + context + ": not in " + kubeconfig);
    }
    config.setRequestTimeout(TIMEOUT_MS);
    config.setRequestRetryBackoffLimit(1);
    String cluster =
        "cluster " + config.getMasterUrl() + (context == null ? "" : " (context " + context + ")");
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      List<Target> targets = new ArrayList<>();
      targets.add(server(client, cluster));
      targets.addAll(nodes(client, cluster));
      return targets;
    } catch (KubernetesClientException e) {
      throw new ClusterException(cluster + ": unreachable or refused (" + rootMessage(e) + ")", e);
    }
  }

  private static Target server(KubernetesClient client, String cluster) throws ClusterException {
    VersionInfo info = client.getKubernetesVersion();
    String raw = info == null ? null : info.getGitVersion();
    if ((raw == null || raw.isBlank()) && info != null && info.getMajor() != null) {
      raw = "v" + info.getMajor() + "." + String.valueOf(info.getMinor()).replace("+", "");
    }
    if (raw == null || raw.isBlank()) {
      throw new ClusterException(cluster + ": /version names no version", null);
    }
    return new Target(
        ComponentNames.CONTROL_PLANE,
        version(raw, cluster, "/version"),
        List.of("server /version"));
  }

  private static List<Target> nodes(KubernetesClient client, String cluster)
      throws ClusterException {
    // component → raw version → node names, sorted for stable output
    Map<String, Map<String, List<String>>> seen = new TreeMap<>();
    for (Node node : client.nodes().list().getItems()) {
      String name = node.getMetadata() == null ? "?" : node.getMetadata().getName();
      NodeSystemInfo info = node.getStatus() == null ? null : node.getStatus().getNodeInfo();
      if (info == null) {
        continue;
      }
      add(seen, "kubelet", info.getKubeletVersion(), name);
      add(seen, "kube-proxy", info.getKubeProxyVersion(), name);
    }
    List<Target> targets = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<String>>> c : seen.entrySet()) {
      for (Map.Entry<String, List<String>> v : c.getValue().entrySet()) {
        List<String> sources = v.getValue().stream().sorted().map(n -> "node " + n).toList();
        targets.add(
            new Target(
                Set.of(c.getKey()),
                version(v.getKey(), cluster, "node " + v.getValue().get(0)),
                sources));
      }
    }
    return targets;
  }

  /** Empty versions are skipped: newer kubelets leave {@code kubeProxyVersion} blank. */
  private static void add(
      Map<String, Map<String, List<String>>> seen,
      String component,
      @Nullable String raw,
      String node) {
    if (raw != null && !raw.isBlank()) {
      seen.computeIfAbsent(component, k -> new TreeMap<>())
          .computeIfAbsent(raw.strip(), k -> new ArrayList<>())
          .add(node);
    }
  }

  private static RunningVersion version(String raw, String cluster, String where)
      throws ClusterException {
    try {
      return RunningVersion.parse(raw);
    } catch (InvalidInputException e) {
      throw new ClusterException(cluster + ": " + where + " reports " + e.getMessage(), e);
    }
  }

  /**
   * The most telling part of a failure chain: a refused connection, a timeout, or the root. The
   * kind is {@link NetworkFailure}'s reading, which every other client's messages use.
   */
  static String rootMessage(Throwable e) {
    return switch (NetworkFailure.kind(e)) {
      case REFUSED, UNREACHABLE -> "connection refused or no route to host";
      case TIMEOUT -> "timed out";
      default -> deepest(e);
    };
  }

  private static String deepest(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return root.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }
}
