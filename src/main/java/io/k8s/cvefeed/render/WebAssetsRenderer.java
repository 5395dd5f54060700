package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.Feed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The web page's stylesheet, script and icon ({@code assets/cvefeed.css}, {@code
 * assets/cvefeed.js}, {@code assets/favicon.svg}), published with the other artifacts. They are
 * plain files on the classpath (under {@code io/k8s/cvefeed/render/assets/}): no build toolchain,
 * no CDN.
 */
public final class WebAssetsRenderer implements Renderer {
  static final Artifact CSS = load("assets/cvefeed.css", MediaTypes.CSS);
  static final Artifact JS = load("assets/cvefeed.js", MediaTypes.JAVASCRIPT);
  static final Artifact ICON = load("assets/favicon.svg", "image/svg+xml");

  /** The same files for every feed. */
  @Override
  public List<Artifact> render(Feed feed) {
    return List.of(CSS, JS, ICON);
  }

  /**
   * The path with a version query ({@code assets/cvefeed.css?v=<12 hex digits of its SHA-256>}), so
   * that a browser never pairs a new page with a stale cached stylesheet or script.
   */
  static String href(Artifact asset) {
    return asset.path() + "?v=" + asset.sha256().substring(0, 12);
  }

  private static Artifact load(String path, String mediaType) {
    String resource = "/io/k8s/cvefeed/render/" + path;
    try (InputStream in = WebAssetsRenderer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + ": missing from the classpath; rebuild the jar");
      }
      return new Artifact(path, mediaType, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(resource + ": cannot read", e);
    }
  }
}
