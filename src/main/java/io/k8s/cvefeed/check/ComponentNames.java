package io.k8s.cvefeed.check;

import io.k8s.cvefeed.extract.Components;
import java.util.List;
import java.util.Set;

/**
 * Which components a running version stands for. Names are those of {@link Components}, the one
 * table the feed is written with: the binary name ({@code kube-apiserver}) for announcement names
 * and for Go module paths ({@code k8s.io/apiserver}, the OSV package name).
 */
public final class ComponentNames {
  /** A range on this package is about Kubernetes as a whole. */
  public static final String KUBERNETES = Components.FALLBACK;

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

  private ComponentNames() {}

  /**
   * {@code k8s.io/apiserver} → {@code kube-apiserver}; {@code Kubelet} → {@code kubelet}: the one
   * component table the feed is written with ({@link Components#canonical}).
   */
  public static String canonical(String name) {
    return Components.canonical(name);
  }
}
