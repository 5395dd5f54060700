package io.k8s.cvefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The exit path: a JDK HttpClient's selector thread must not hold up the JVM's exit. */
class MainTest {
  private static Set<Thread> selectors() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Main::isHttpClientSelector)
        .collect(Collectors.toSet());
  }

  @Test
  void shouldRecogniseAndStopTheSelectorThreadOfAClient() {
    Set<Thread> before = selectors();
    HttpClient client = HttpClient.newHttpClient();
    List<Thread> mine = selectors().stream().filter(t -> !before.contains(t)).toList();

    Main.stop(mine);

    assertThat(client).isNotNull(); // still referenced: the thread ended because it was stopped
    assertThat(mine).isNotEmpty().noneMatch(Thread::isAlive);
  }

  @Test
  void shouldNotTakeOtherThreadsForSelectors() {
    assertThat(Main.isHttpClientSelector(Thread.currentThread())).isFalse();
    assertThat(Main.isHttpClientSelector(new Thread(() -> {}, "HttpClient-1-Worker-0"))).isFalse();
    assertThat(Main.isHttpClientSelector(new Thread(() -> {}, "HttpClient-7-SelectorManager")))
        .isTrue();
  }
}
