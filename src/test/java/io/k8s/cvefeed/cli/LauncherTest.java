package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./cvefeed} launcher, run by bash against a fake JDK: a {@code bin/java} script that
 * logs its arguments and writes the cache files the real JDK would, and a {@code release} file that
 * names its version. What is tested is the launcher's choice of JDK, flags and start-up cache, not
 * the JVM.
 */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("cvefeed").toAbsolutePath();

  @TempDir Path dir;
  private Path jar;
  private Path log;

  @BeforeEach
  void setUp() throws IOException {
    jar = Files.writeString(dir.resolve("cvefeed.jar"), "not a jar");
    log = dir.resolve("java.log");
  }

  /** A JDK of {@code feature} at {@code DIR/jdk-FEATURE}, whose java logs one line per run. */
  private Path fakeJdk(int feature) throws IOException {
    Path home = Files.createDirectories(dir.resolve("jdk-" + feature + "/bin")).getParent();
    Files.writeString(
        home.resolve("release"),
        "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + feature + ".0.2\"\nOS_NAME=\"Linux\"\n");
    Path java = home.resolve("bin/java");
    Files.writeString(
        java,
        String.join(
            "\n",
            "#!/usr/bin/env bash",
            "echo \"$*\" >>'" + log + "'",
            "for a in \"$@\"; do",
            "  case \"$a\" in",
            "    -XX:ArchiveClassesAtExit=*) echo archive >\"${a#*=}\" ;;",
            "    -XX:AOTMode=*) mode=\"${a#*=}\" ;;",
            "    -XX:AOTConfiguration=*) conf=\"${a#*=}\" ;;",
            "    -XX:AOTCache=*) cache=\"${a#*=}\" ;;",
            "  esac",
            "done",
            "if [[ \"${mode:-}\" == record ]]; then",
            "  echo config >\"$conf\"; echo \"AOTConfiguration recorded: $conf\"",
            "elif [[ \"${mode:-}\" == create ]]; then",
            "  echo cache >\"$cache\"; exit 0",
            "fi",
            "echo 'the program ran'",
            "exit \"${FAKE_EXIT:-0}\"",
            ""));
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }

  private record Run(int code, String out, List<String> javaCalls) {}

  private Run launch(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("JAVA_HOME");
    pb.environment().remove("CVEFEED_CDS");
    pb.environment().remove("CVEFEED_JAVA_OPTS");
    pb.environment().put("CVEFEED_JAR", jar.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
    Files.deleteIfExists(log);
    return new Run(code, out, calls);
  }

  private Path cache(String extension) {
    return jar.resolveSibling("cvefeed" + extension);
  }

  @Test
  void shouldRecordAnAotCacheInTwoStepsOnJdk25AndUseItAfterwards() throws Exception {
    Map<String, String> env = Map.of("JAVA_HOME", fakeJdk(25).toString());

    Run first = launch(env, "refresh", "--quiet");

    assertThat(first.code()).isZero();
    assertThat(first.javaCalls()).hasSize(2);
    assertThat(first.javaCalls().get(0))
        .contains("-XX:AOTMode=record", "-XX:+UseSerialGC", "refresh --quiet");
    assertThat(first.javaCalls().get(1)).contains("-XX:AOTMode=create", "-XX:AOTCache=");
    assertThat(first.out()).doesNotContain("AOTConfiguration recorded").contains("the program ran");
    assertThat(cache(".aot")).exists();
    assertThat(cache(".jsa")).doesNotExist();
    try (var left = Files.list(jar.getParent())) {
      assertThat(left.map(Path::toString))
          .noneMatch(n -> n.endsWith(".tmp") || n.contains(".conf"));
    }

    Run second = launch(env, "--version");

    assertThat(second.javaCalls())
        .singleElement()
        .asString()
        .contains("-XX:AOTCache=" + cache(".aot"))
        .doesNotContain("AOTMode");
  }

  @Test
  void shouldRecordAClassDataArchiveOnJdk17AndUseItAfterwards() throws Exception {
    Map<String, String> env = Map.of("JAVA_HOME", fakeJdk(17).toString());

    Run first = launch(env, "refresh");

    assertThat(first.javaCalls())
        .singleElement()
        .asString()
        .contains("-XX:ArchiveClassesAtExit=", "-Xshare:auto");
    assertThat(cache(".jsa")).exists();

    Run second = launch(env, "check", "--version", "1.30.1");

    assertThat(second.javaCalls())
        .singleElement()
        .asString()
        .contains("-XX:SharedArchiveFile=" + cache(".jsa"), "check --version 1.30.1");
  }

  @Test
  void shouldKeepNoCacheFromARunThatFailed() throws Exception {
    Map<String, String> env = Map.of("JAVA_HOME", fakeJdk(17).toString(), "FAKE_EXIT", "2");

    Run run = launch(env, "refresh", "--no-such-option");

    assertThat(run.code()).isEqualTo(2);
    assertThat(cache(".jsa")).doesNotExist();
  }

  @Test
  void shouldPassExitSevenThroughAndKeepTheCacheItRecorded() throws Exception {
    Map<String, String> env = Map.of("JAVA_HOME", fakeJdk(25).toString(), "FAKE_EXIT", "7");

    Run run = launch(env, "refresh");

    assertThat(run.code()).isEqualTo(7);
    assertThat(cache(".aot")).exists();
  }

  @Test
  void shouldFindTheJdkBehindASymlinkedJavaOnThePath() throws Exception {
    Path home = fakeJdk(25);
    Path bin = Files.createDirectories(dir.resolve("usr-bin"));
    Files.createSymbolicLink(bin.resolve("java"), home.resolve("bin/java"));
    Map<String, String> env =
        Map.of("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));

    Run run = launch(env, "refresh");

    assertThat(run.javaCalls().get(0)).contains("-XX:AOTMode=record");
  }

  @Test
  void shouldStartWithoutACacheWhenTurnedOffAndLetExtraOptionsWin() throws Exception {
    Map<String, String> env =
        Map.of(
            "JAVA_HOME", fakeJdk(17).toString(),
            "CVEFEED_CDS", "0",
            "CVEFEED_JAVA_OPTS", "-Xmx1g");

    Run run = launch(env, "refresh");

    String call = run.javaCalls().get(0);
    assertThat(call).doesNotContain("SharedArchiveFile", "ArchiveClassesAtExit");
    assertThat(call.indexOf("-Xmx1g")).isGreaterThan(call.indexOf("-Xmx512m"));
    assertThat(cache(".jsa")).doesNotExist();
  }
}
