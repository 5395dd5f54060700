package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.Feed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The renderers of a set of formats, and the one call that renders them all. */
public final class Renderers {
  private final List<Renderer> all;
  private final List<Renderer> stamped;
  private final List<Renderer> timeless;

  private Renderers(Set<Format> formats) {
    this.all = Format.renderers(formats, stampsTime -> true);
    this.stamped = Format.renderers(formats, stampsTime -> stampsTime);
    this.timeless = Format.renderers(formats, stampsTime -> !stampsTime);
  }

  /** The renderers of {@code formats} ({@code --formats}). */
  public static Renderers of(Set<Format> formats) {
    return new Renderers(formats);
  }

  /** The renderers of every published format and the web page's files, in a fixed order. */
  public static List<Renderer> all() {
    return Format.renderers(EnumSet.allOf(Format.class), stampsTime -> true);
  }

  /** Every artifact of every format for {@code feed}, sorted by path. */
  public static List<Artifact> renderAll(Feed feed) {
    return of(EnumSet.allOf(Format.class)).render(feed);
  }

  /**
   * Every artifact of these formats for {@code feed}, sorted by path. Pure: the same feed gives the
   * same list of the same bytes. Renderers run concurrently on the common fork-join pool.
   *
   * @throws IllegalStateException if two renderers claim the same path (a programming error)
   */
  public List<Artifact> render(Feed feed) {
    return render(all, feed);
  }

  /**
   * The artifacts whose bytes depend on {@link Feed#updatedAt()}, sorted by path. Every other
   * artifact has the same bytes whatever the time, so a release stamped with a new time renders
   * only these again.
   */
  public List<Artifact> renderStamped(Feed feed) {
    return render(stamped, feed);
  }

  /** Every other artifact, sorted by path: the same bytes whatever {@link Feed#updatedAt()}. */
  public List<Artifact> renderTimeless(Feed feed) {
    return render(timeless, feed);
  }

  private static List<Artifact> render(List<Renderer> renderers, Feed feed) {
    // Renderers are pure and independent: run them on all cores, then fix the order by path.
    List<List<Artifact>> rendered = renderers.parallelStream().map(r -> r.render(feed)).toList();
    List<Artifact> out = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    for (List<Artifact> artifacts : rendered) {
      for (Artifact a : artifacts) {
        if (!paths.add(a.path())) {
          throw new IllegalStateException(
              a.path() + ": rendered twice; renderer paths must differ");
        }
        out.add(a);
      }
    }
    out.sort(Comparator.comparing(Artifact::path));
    return List.copyOf(out);
  }
}
