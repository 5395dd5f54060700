package io.k8s.cvefeed.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Component names: how a version line's words become a component name, its aliases, and which Go
 * module each component is published under. The one component table: the feed, the OSV records and
 * {@code cvefeed check} all use it.
 *
 * <p>Modules: the OSV schema defines the {@code Kubernetes} ecosystem's package name as "the Go
 * module name associated with the relevant Kubernetes component". {@link #MODULES} maps each
 * component name the announcements use to that module, as the legacy community records (which Trivy
 * consumed) and Trivy's Kubernetes scanning name them. A component not in it has no module: the
 * extractor reports {@code component.no-module} and the OSV record leaves it out.
 *
 * <p>Naming rule: lower case, words joined by {@code -}; the words {@code Kubernetes} (leading),
 * {@code all}, {@code fixed in}, {@code versions}, {@code release} are dropped; known aliases map
 * to the binary name ({@code Kubernetes API server} → {@code kube-apiserver}, {@code ingress-nginx
 * controller} → {@code ingress-nginx}). A bare {@code Kubernetes} names no component. When a line
 * names none, the default is, in order: the first line of an {@code Affected Components} section;
 * the first component a sentence names, then the summary's and the body's mentions; else {@code
 * kubernetes} ({@link DefaultComponents}).
 */
public final class Components {
  /** The component of announcements about Kubernetes as a whole ({@code k8s.io/kubernetes}). */
  public static final String FALLBACK = "kubernetes";

  /**
   * Component name → Go module. Rows: the components the real announcements name (and the legacy
   * records cover), the binaries of a Kubernetes release, and the sig projects and CSI drivers
   * announced so far. Core binaries map to the staging module of the same name ({@code
   * kube-apiserver} → {@code k8s.io/apiserver}, {@code kube-controller-manager} → {@code
   * k8s.io/controller-manager}); projects to their {@code go.mod} module.
   */
  private static final Map<String, String> MODULES =
      Map.ofEntries(
          Map.entry(FALLBACK, "k8s.io/kubernetes"),
          Map.entry("kube-apiserver", "k8s.io/apiserver"),
          Map.entry("kube-controller-manager", "k8s.io/controller-manager"),
          Map.entry("kube-scheduler", "k8s.io/kube-scheduler"),
          Map.entry("kube-proxy", "k8s.io/kube-proxy"),
          Map.entry("kubelet", "k8s.io/kubelet"),
          Map.entry("kubectl", "k8s.io/kubectl"),
          Map.entry("kubeadm", "k8s.io/kubeadm"),
          Map.entry("client-go", "k8s.io/client-go"),
          Map.entry("ingress-nginx", "k8s.io/ingress-nginx"),
          Map.entry("kubernetes-csi-proxy", "github.com/kubernetes-csi/csi-proxy"),
          Map.entry("secrets-store-csi-driver", "sigs.k8s.io/secrets-store-csi-driver"),
          Map.entry("azure-file-csi-driver", "sigs.k8s.io/azurefile-csi-driver"),
          Map.entry("image-builder", "sigs.k8s.io/image-builder"));

  /** Module → component, the reverse of {@link #MODULES}. */
  private static final Map<String, String> COMPONENTS =
      MODULES.entrySet().stream()
          .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

  /** Module path prefixes of Kubernetes projects, for module names not in {@link #MODULES}. */
  private static final List<String> MODULE_PREFIXES =
      List.of(
          "k8s.io/",
          "sigs.k8s.io/",
          "github.com/kubernetes/",
          "github.com/kubernetes-sigs/",
          "github.com/kubernetes-csi/");

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("api server", "kube-apiserver"),
          Map.entry("apiserver", "kube-apiserver"),
          Map.entry("api-server", "kube-apiserver"),
          Map.entry("kubernetes api server", "kube-apiserver"),
          Map.entry("controller manager", "kube-controller-manager"),
          Map.entry("controller-manager", "kube-controller-manager"),
          Map.entry("scheduler", "kube-scheduler"),
          Map.entry("proxy", "kube-proxy"),
          Map.entry("csi-proxy", "kubernetes-csi-proxy"),
          Map.entry("azurefile-csi-driver", "azure-file-csi-driver"),
          Map.entry("ingress-nginx controller", "ingress-nginx"),
          Map.entry("ingress nginx", "ingress-nginx"),
          Map.entry("ingress-nginx-controller", "ingress-nginx"));
  static final List<String> KNOWN =
      List.of(
          "kubelet",
          "kubectl",
          "kube-apiserver",
          "kube-proxy",
          "kube-controller-manager",
          "kube-scheduler",
          "kubeadm",
          "ingress-nginx",
          "api server",
          "apiserver");
  private static final Pattern DROP_LEADING =
      Pattern.compile("^(?:(?:fixed|resolved) in|all|the|kubernetes(?= \\S))(?:\\s+|$)");
  private static final Pattern DROP_TRAILING =
      Pattern.compile("\\s+(?:versions?|releases?|packages?|binar(?:y|ies))$");
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9.]*(?:-[a-z0-9.]+)*");

  private static final String PUNCTUATION = "`'\"*_:,()";

  /** What {@code \s} matches in a regex: ASCII blanks only. */
  private static final String BLANKS = " \t\n\u000b\f\r";

  private Components() {}

  /** The Go module of a component ({@code kube-apiserver} → {@code k8s.io/apiserver}), if known. */
  public static Optional<String> module(String component) {
    return Optional.ofNullable(MODULES.get(canonical(component)));
  }

  /**
   * The component a name stands for, whatever the record or the user calls it: a module path
   * ({@code k8s.io/apiserver}), an alias ({@code apiserver}, {@code API server}) or the name
   * itself, in any case → {@code kube-apiserver}. A module not in the table loses its project
   * prefix ({@code sigs.k8s.io/foo} → {@code foo}).
   */
  public static String canonical(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    String known = COMPONENTS.get(n);
    if (known != null) {
      return known;
    }
    for (String prefix : MODULE_PREFIXES) {
      if (n.startsWith(prefix)) {
        n = n.substring(prefix.length());
        break;
      }
    }
    String alias = ALIASES.get(n);
    if (alias != null) {
      return alias;
    }
    return ALIASES.getOrDefault(n.replace('-', ' '), n.replace(' ', '-'));
  }

  /**
   * The component names in a version line's leading words; empty when the words name none ({@code
   * Kubernetes}, or nothing); {@link Optional#empty()} when the words are not a name.
   */
  static Optional<List<String>> names(String words) {
    List<String> names = new ArrayList<>();
    for (String part : words.split("/", -1)) {
      String n = normalise(part);
      if (n.isEmpty() || n.equals(FALLBACK)) {
        continue;
      }
      if (!NAME.matcher(n).matches()
          || n.length() > 48
          || n.split("-", -1).length > 5
          || spaces(normaliseWords(part)) > 1) {
        return Optional.empty();
      }
      names.add(n);
    }
    return Optional.of(names);
  }

  /**
   * The component a line or heading names on its own ({@code kube-apiserver}, {@code - kubelet}): a
   * known component or a hyphenated name, nothing else.
   */
  static Optional<String> componentOnly(String text) {
    String w = normaliseWords(text);
    boolean named =
        KNOWN.contains(w) || (!w.contains(" ") && w.contains("-") && NAME.matcher(w).matches());
    return named ? Optional.of(w.replace(' ', '-')) : Optional.empty();
  }

  private static long spaces(String s) {
    return s.chars().filter(c -> c == ' ').count();
  }

  static String normalise(String raw) {
    return normaliseWords(raw).replace(' ', '-');
  }

  /** {@link #normalise} before the words are joined by {@code -}. */
  private static String normaliseWords(String raw) {
    String s = withoutTrailingDots(collapse(raw.toLowerCase(Locale.ROOT)).strip());
    String before;
    do {
      before = s;
      s = DROP_TRAILING.matcher(DROP_LEADING.matcher(s).replaceFirst("")).replaceFirst("").strip();
    } while (!s.equals(before));
    return ALIASES.getOrDefault(s, s);
  }

  /**
   * Punctuation ({@code `'"*_:,()}) becomes a blank and every run of ASCII blanks one space: one
   * pass over the text instead of two regex replacements, as every version line comes through here.
   */
  private static String collapse(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean blank = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean isBlank = PUNCTUATION.indexOf(c) >= 0 || BLANKS.indexOf(c) >= 0;
      if (isBlank) {
        if (!blank) {
          b.append(' ');
        }
      } else {
        b.append(c);
      }
      blank = isBlank;
    }
    return b.toString();
  }

  private static String withoutTrailingDots(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }
}
