package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/<format>/<file>}. Run the tests with {@code
 * -Dgolden.update=true} to rewrite them, then review the diff as code.
 */
final class Golden {
  static final Path ROOT = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  static void check(String format, String file, byte[] actual) {
    Path path = ROOT.resolve(format).resolve(file);
    try {
      if (updating()) {
        Files.createDirectories(path.getParent());
        Files.write(path, actual);
        return;
      }
      if (!Files.exists(path)) {
        fail(path + ": golden file missing; run with -Dgolden.update=true and review it");
      }
      byte[] expected = Files.readAllBytes(path);
      assertThat(new String(actual, StandardCharsets.UTF_8))
          .as("%s differs; if the change is intended, run with -Dgolden.update=true", path)
          .isEqualTo(new String(expected, StandardCharsets.UTF_8));
      assertThat(actual).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
