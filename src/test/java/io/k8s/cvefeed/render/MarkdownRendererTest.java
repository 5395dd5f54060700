package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8s.cvefeed.model.Advisory;
import io.k8s.cvefeed.model.CveId;
import io.k8s.cvefeed.model.Feed;
import io.k8s.cvefeed.model.FeedInfo;
import io.k8s.cvefeed.model.Status;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Markdown is parsed back with CommonMark + GFM tables, as GitHub would render it. */
class MarkdownRendererTest {
  private static final Parser PARSER =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();

  private static Node parse(Feed feed) {
    Artifact a = new MarkdownRenderer().render(feed).get(0);
    return PARSER.parse(new String(a.bytes(), StandardCharsets.UTF_8));
  }

  private static List<List<Node>> bodyRows(Node doc) {
    List<List<Node>> rows = new ArrayList<>();
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(org.commonmark.node.CustomNode node) {
            if (node instanceof TableRow && node.getParent() instanceof TableBody) {
              List<Node> cells = new ArrayList<>();
              for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                cells.add(c);
              }
              rows.add(cells);
            }
            visitChildren(node);
          }
        });
    return rows;
  }

  private static String text(Node node) {
    StringBuilder sb = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            sb.append(text.getLiteral());
          }
        });
    return sb.toString();
  }

  private static <T extends Node> List<T> all(Node doc, Class<T> type) {
    List<T> found = new ArrayList<>();
    collect(doc, type, found);
    return found;
  }

  private static <T extends Node> void collect(Node node, Class<T> type, List<T> found) {
    if (type.isInstance(node)) {
      found.add(type.cast(node));
    }
    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
      collect(c, type, found);
    }
  }

  private static Feed oneTitle(String summary, String url) {
    Advisory a =
        Advisory.basic(
            1,
            List.of(CveId.of("CVE-2024-1234")),
            summary,
            url,
            "",
            Instant.parse("2024-01-02T03:04:05Z"),
            Instant.parse("2024-01-02T03:04:05Z"),
            Status.FIXED);
    return new Feed(FeedInfo.OFFICIAL, List.of(a), FeedFixtures.UPDATED);
  }

  @Test
  void shouldRenderOneTableRowWithSixCellsPerCveId() {
    Node doc = parse(FeedFixtures.basic());

    assertThat(all(doc, TableBlock.class)).hasSize(1);
    List<List<Node>> rows = bodyRows(doc);
    assertThat(rows).hasSize(6);
    assertThat(rows)
        .allSatisfy(r -> assertThat(r).hasSize(6).allMatch(TableCell.class::isInstance));
    assertThat(text(rows.get(3).get(0))).isEqualTo("CVE-2023-2727");
    assertThat(text(rows.get(3).get(2))).isEqualTo("fixed");
    assertThat(text(rows.get(3).get(3))).isEqualTo("Medium (6.5)");
    assertThat(text(rows.get(3).get(4))).isEqualTo("kube-apiserver, kube-apiserver-alias");
    assertThat(text(rows.get(3).get(5))).isEqualTo("2023-06-13");
  }

  @Test
  void shouldKeepHostileTitleOneLiteralCell() {
    Node doc = parse(FeedFixtures.basic());

    assertThat(all(doc, HtmlInline.class)).isEmpty();
    assertThat(all(doc, HtmlBlock.class)).isEmpty();
    assertThat(all(doc, Emphasis.class)).isEmpty();
    assertThat(all(doc, StrongEmphasis.class)).isEmpty();
    assertThat(all(doc, Code.class)).isEmpty();
    assertThat(all(doc, Link.class))
        .extracting(Link::getDestination)
        .allMatch(
            d ->
                d.startsWith("https://github.com/kubernetes/kubernetes/issues/")
                    || HtmlRenderer.FORMATS.stream().anyMatch(f -> f.path().equals(d)));
    assertThat(text(bodyRows(doc).get(2).get(1))).isEqualTo(FeedFixtures.hostileTitle().summary());
  }

  @Test
  void shouldTurnLineBreaksIntoSpaces() {
    Node doc = parse(FeedFixtures.basic());

    assertThat(text(bodyRows(doc).get(5).get(1)))
        .isEqualTo(
            "Backtick `code` *emphasis* _under_ ~strike~ \\backslash second line &amp; entity");
  }

  @Test
  void shouldLinkIdToIssue() {
    Node doc = parse(FeedFixtures.basic());

    Link link = all(bodyRows(doc).get(0).get(0), Link.class).get(0);
    assertThat(link.getDestination())
        .isEqualTo("https://github.com/kubernetes/kubernetes/issues/900305");
    assertThat(text(link)).isEqualTo("CVE-2024-9999");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "https://example.com/a)b",
        "https://example.com/<x>",
        "https://example.com/ space"
      })
  void shouldNotLinkUrlsThatAreNotPlainHttp(String url) {
    Node doc = parse(oneTitle("t", url));

    assertThat(all(bodyRows(doc).get(0).get(0), Link.class)).isEmpty();
    assertThat(text(bodyRows(doc).get(0).get(0))).isEqualTo("CVE-2024-1234");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a | b | c",
        "<img src=x onerror=alert(1)>",
        "[x](https://evil.example)",
        "![x](https://evil.example/p.png)",
        "line\nbreak | with pipe",
        "trailing backslash \\",
        "`unclosed code",
        "&lt;entity&gt; &#124;",
        "<https://autolink.example>",
        "**strong** ~~del~~"
      })
  void shouldRenderAnyTitleAsItsOwnLiteralText(String summary) {
    Node doc = parse(oneTitle(summary, "https://github.com/kubernetes/kubernetes/issues/1"));

    List<List<Node>> rows = bodyRows(doc);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).hasSize(6);
    assertThat(text(rows.get(0).get(1))).isEqualTo(summary.replace('\n', ' '));
    assertThat(all(rows.get(0).get(1), Link.class)).isEmpty();
    assertThat(all(doc, HtmlInline.class)).isEmpty();
  }
}
