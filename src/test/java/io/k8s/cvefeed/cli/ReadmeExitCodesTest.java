package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** README's exit-code table lists every code once, and each command's codes under it. */
class ReadmeExitCodesTest {
  private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| (.+) \\|$");

  private static Map<Integer, String> readmeRows() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("### Exit codes");
    String section = readme.substring(start, readme.indexOf("\n## ", start));
    Map<Integer, String> rows = new TreeMap<>();
    for (String line : section.split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        assertThat(rows.put(Integer.parseInt(m.group(1)), m.group(2)))
            .as("README lists exit code %s twice", m.group(1))
            .isNull();
      }
    }
    return rows;
  }

  private static List<Integer> exitCodeConstants() throws IllegalAccessException {
    List<Integer> codes = new ArrayList<>();
    for (Field f : ExitCode.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
        codes.add(f.getInt(null));
      }
    }
    return codes;
  }

  @Test
  void shouldListEveryExitCodeOnce() throws Exception {
    assertThat(readmeRows().keySet()).containsExactlyInAnyOrderElementsOf(exitCodeConstants());
  }

  @Test
  void shouldListEachCommandsCodesUnderTheCode() throws Exception {
    Map<Integer, String> rows = readmeRows();
    PrintStream sink = new PrintStream(PrintStream.nullOutputStream());
    CommandLine cli = Cli.commandLine(new Cli.Context(sink, sink, Map.of(), Clock.systemUTC()));

    for (CommandLine sub : cli.getSubcommands().values()) {
      String name = sub.getCommandName();
      for (String code : sub.getCommandSpec().usageMessage().exitCodeList().keySet()) {
        String row = rows.getOrDefault(Integer.parseInt(code.strip()), "");
        assertThat(row)
            .as("README exit code %s for `%s`", code.strip(), name)
            .containsAnyOf("`" + name + "`", "every command");
      }
    }
  }
}
