package io.k8s.cvefeed.publish;

import io.k8s.cvefeed.publish.gcs.GcsPublisher;
import io.k8s.cvefeed.publish.git.GitPublisher;
import io.k8s.cvefeed.publish.git.GitTarget;
import io.k8s.cvefeed.publish.s3.S3Publisher;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@code --publish} URIs into publishers: {@code file:///dir}, {@code gs://bucket/prefix},
 * {@code s3://bucket/prefix}, {@code git+https://github.com/OWNER/REPO.git?branch=main&path=dir}
 * and {@code git+file:///repo.git?...}.
 */
public final class Targets {
  static final String DEFAULT_WORK_BRANCH = "cvefeed/update";
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");
  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
  private static final Set<String> GIT_PARAMS = Set.of("branch", "path", "work", "fork", "github");
  private static final String FORMS =
      "use file:///dir, gs://bucket/prefix, s3://bucket/prefix,"
          + " git+https://github.com/OWNER/REPO.git?branch=main&path=dir or git+file:///repo.git";

  private Targets() {}

  /**
   * @throws TargetException when the URI is malformed or its scheme unknown
   */
  public static Publisher parse(String uri, PublishOptions options) {
    URI parsed = uri(uri);
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme();
    return switch (scheme) {
      case "file" -> new DirectoryPublisher(file(uri, parsed));
      case "gs" -> gcs(uri, parsed, options);
      case "s3" -> s3(uri, parsed, options);
      case "git+https", "git+http", "git+file" -> new GitPublisher(git(uri, parsed), options.git());
      default -> throw new TargetException(masked(uri) + ": unknown target; " + FORMS);
    };
  }

  private static URI uri(String uri) {
    try {
      URI parsed = new URI(uri);
      if (parsed.getRawUserInfo() != null) {
        throw new TargetException(
            masked(uri)
                + ": credentials in the URI would end up in logs; remove them and use"
                + " GITHUB_TOKEN, Application Default Credentials or the AWS credential chain");
      }
      return parsed;
    } catch (URISyntaxException e) {
      throw new TargetException(masked(uri) + ": not a URI (" + e.getReason() + "); " + FORMS, e);
    }
  }

  private static Path file(String uri, URI parsed) {
    if (parsed.getAuthority() != null || parsed.getPath() == null || parsed.getQuery() != null) {
      throw new TargetException(uri + ": expected file:///absolute/dir");
    }
    return Path.of(parsed);
  }

  private static Publisher gcs(String uri, URI parsed, PublishOptions options) {
    String bucket = bucket(uri, parsed);
    try {
      return GcsPublisher.create(options.gcsEndpoint(), bucket, prefix(parsed));
    } catch (RuntimeException e) {
      throw new TargetException(
          uri
              + ": cannot set up the Cloud Storage client ("
              + e.getMessage()
              + "); run `gcloud auth application-default login` or set"
              + " GOOGLE_APPLICATION_CREDENTIALS",
          e);
    }
  }

  private static Publisher s3(String uri, URI parsed, PublishOptions options) {
    String bucket = bucket(uri, parsed);
    try {
      return S3Publisher.create(
          options.s3Endpoint(), options.s3PathStyle(), options.s3Region(), bucket, prefix(parsed));
    } catch (IllegalArgumentException e) {
      throw new TargetException(uri + ": " + e.getMessage(), e);
    }
  }

  private static String bucket(String uri, URI parsed) {
    String bucket = parsed.getAuthority();
    if (bucket == null || !BUCKET.matcher(bucket).matches()) {
      throw new TargetException(
          uri + ": expected " + parsed.getScheme() + "://bucket/prefix with a valid bucket name");
    }
    if (parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
      throw new TargetException(uri + ": a bucket target takes no ?query or #fragment");
    }
    return bucket;
  }

  private static String prefix(URI parsed) {
    String path = parsed.getPath() == null ? "" : parsed.getPath();
    return path.replaceAll("^/+|/+$", "");
  }

  /** The git target of a {@code git+...} URI. */
  static GitTarget git(String uri, URI parsed) {
    Map<String, String> params = query(uri, parsed.getRawQuery());
    String remote =
        parsed.getScheme().substring("git+".length())
            + "://"
            + (parsed.getRawAuthority() == null ? "" : parsed.getRawAuthority())
            + parsed.getRawPath();
    String github = params.get("github");
    if (github == null && "github.com".equals(parsed.getHost())) {
      github = parsed.getPath().replaceAll("^/|\\.git$|/$", "");
    }
    if (github != null && !REPO.matcher(github).matches()) {
      throw new TargetException(uri + ": expected OWNER/REPO for the GitHub repository");
    }
    String path = params.getOrDefault("path", "").replaceAll("^/+|/+$", "");
    if (path.contains("..")) {
      throw new TargetException(uri + ": path must stay inside the repository");
    }
    return new GitTarget(
        remote,
        params.getOrDefault("branch", "main"),
        path,
        params.getOrDefault("work", DEFAULT_WORK_BRANCH),
        params.get("fork"),
        github);
  }

  private static Map<String, String> query(String uri, @Nullable String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (!GIT_PARAMS.contains(key)) {
        throw new TargetException(
            uri + ": unknown parameter " + key + "; use branch, path, work, fork or github");
      }
      if (value.isEmpty()) {
        throw new TargetException(uri + ": parameter " + key + " needs a value");
      }
      params.put(key, value);
    }
    return params;
  }

  /** {@code uri} with anything between {@code ://} and {@code @} replaced by {@code ***}. */
  static String masked(String uri) {
    return uri.replaceAll("(://)[^/@]*@", "$1***@");
  }
}
