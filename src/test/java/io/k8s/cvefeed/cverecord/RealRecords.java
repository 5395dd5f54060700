package io.k8s.cvefeed.cverecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The real CVE records in shared/data/cve-records, by CVE id. */
public final class RealRecords {
  private RealRecords() {}

  public static Path dataDir() {
    return Path.of(System.getProperty("shared.data", "../shared/data"));
  }

  public static Path dir() {
    return dataDir().resolve("cve-records");
  }

  /** Every record file's bytes, by the id its name gives. */
  public static Map<String, byte[]> bodies() throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        String name = f.getFileName().toString();
        out.put(name.substring(0, name.length() - ".json".length()), Files.readAllBytes(f));
      }
    }
    return out;
  }
}
