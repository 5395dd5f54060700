package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the last refresh that reached its targets saw: the fingerprint of its inputs and the content
 * digest they gave, with the diagnostics, so that an unchanged refresh reports the same skipped
 * issues (and exit code) without extracting them again. A cache: losing it costs one full refresh,
 * never a wrong feed, since every target's own manifest must still show that digest.
 */
public interface LastRelease {
  /**
   * @param inputs the {@link ReleaseInputs} fingerprint
   * @param digest the content digest those inputs gave
   * @param items the number of feed items
   * @param diagnostics the problems found in those inputs
   */
  record Entry(String inputs, String digest, int items, List<Diagnostic> diagnostics) {
    public Entry {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** The recorded entry, or {@code null} when there is none or it cannot be read. */
  @Nullable Entry read();

  /**
   * Records {@code entry}; a failure to record is not an error (the next refresh is a full one).
   */
  void write(Entry entry);

  /** A record that lives as long as the process: for tests and a service without a cache. */
  static LastRelease inMemory() {
    return new LastRelease() {
      private volatile @Nullable Entry entry;

      @Override
      public @Nullable Entry read() {
        return entry;
      }

      @Override
      public void write(Entry e) {
        entry = e;
      }
    };
  }

  /** A record in {@code file} (in the cache directory), replaced atomically. */
  static LastRelease inFile(Path file) {
    return new FileRecord(file);
  }

  /** {@link LastRelease} as a small JSON file. */
  final class FileRecord implements LastRelease {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int SCHEMA = 1;
    private final Path file;

    FileRecord(Path file) {
      this.file = file;
    }

    @Override
    public @Nullable Entry read() {
      try {
        JsonNode n = JSON.readTree(Files.readAllBytes(file));
        if (n.path("schema").asInt() != SCHEMA) {
          return null;
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (JsonNode d : n.path("diagnostics")) {
          diagnostics.add(
              new Diagnostic(
                  d.path("issue").asLong(),
                  d.path("kind").asString(),
                  d.path("message").asString(),
                  d.path("skips_issue").asBoolean()));
        }
        return new Entry(
            n.path("inputs").asString(),
            n.path("digest").asString(),
            n.path("items").asInt(),
            diagnostics);
      } catch (IOException | JacksonException e) {
        return null; // absent or unreadable: the refresh runs in full and writes a new one
      }
    }

    @Override
    public void write(Entry e) {
      ObjectNode n = JSON.createObjectNode();
      n.put("schema", SCHEMA);
      n.put("inputs", e.inputs());
      n.put("digest", e.digest());
      n.put("items", e.items());
      ArrayNode diagnostics = n.putArray("diagnostics");
      for (Diagnostic d : e.diagnostics()) {
        diagnostics
            .addObject()
            .put("issue", d.issueNumber())
            .put("kind", d.kind())
            .put("message", d.message())
            .put("skips_issue", d.skipsIssue());
      }
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(file, JSON.writeValueAsBytes(n));
      } catch (IOException | JacksonException ex) {
        // not recorded: the next refresh runs in full
      }
    }
  }
}
