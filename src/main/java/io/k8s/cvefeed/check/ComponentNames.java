package io.k8s.cvefeed.check;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One name per component, whatever the record calls it: the binary name ({@code kube-apiserver})
 * for announcement names and for Go module paths ({@code k8s.io/apiserver}, as older OSV records
 * use).
 */
public final class ComponentNames {
  /** A range on this package is about Kubernetes as a whole. */
  public static final String KUBERNETES = "kubernetes";

  /** What the API server's {@code /version} stands for. */
  public static final Set<String> CONTROL_PLANE =
      Set.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", KUBERNETES);

  /** Node components and the {@code nodeInfo} field giving each one's version. */
  public static final List<String> NODE = List.of("kubelet", "kube-proxy");

  /** Everything released with a Kubernetes version, for {@code --version} without component. */
  public static final Set<String> RELEASE =
      Set.of(
          KUBERNETES,
          "kube-apiserver",
          "kube-controller-manager",
          "kube-scheduler",
          "kubelet",
          "kube-proxy",
          "kubectl",
          "kubeadm");

  private static final List<String> PREFIXES =
      List.of("k8s.io/", "sigs.k8s.io/", "github.com/kubernetes/", "github.com/kubernetes-sigs/");
  private static final Map<String, String> ALIASES =
      Map.of(
          "apiserver", "kube-apiserver",
          "api-server", "kube-apiserver",
          "controller-manager", "kube-controller-manager",
          "scheduler", "kube-scheduler",
          "proxy", "kube-proxy",
          "k8s.io/kubernetes", KUBERNETES);

  private ComponentNames() {}

  /** {@code k8s.io/apiserver} → {@code kube-apiserver}; {@code Kubelet} → {@code kubelet}. */
  public static String canonical(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (String prefix : PREFIXES) {
      if (n.startsWith(prefix)) {
        n = n.substring(prefix.length());
        break;
      }
    }
    return ALIASES.getOrDefault(n, n);
  }
}
