package io.k8s.cvefeed.publish.s3;

import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.publish.PublishPlan;
import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.render.MediaTypes;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The listing of a prefix, and the record of ETags the self-check compares it with. */
final class S3Listing {
  /** Hidden from readers by its leading dot; lists every object's ETag of one release. */
  static final String ETAGS = ".cvefeed-etags.json";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One listed object. */
  record Stored(long size, String etag) {}

  private S3Listing() {}

  /** Every object under {@code prefix}, by path relative to it; one request per 1,000 objects. */
  static Map<String, Stored> list(S3Client client, String bucket, String prefix)
      throws PublishException {
    String base = prefix.isEmpty() ? "" : prefix + "/";
    Map<String, Stored> found = new HashMap<>();
    try {
      for (S3Object o :
          client
              .listObjectsV2Paginator(
                  ListObjectsV2Request.builder().bucket(bucket).prefix(base).build())
              .contents()) {
        found.put(o.key().substring(base.length()), new Stored(o.size(), o.eTag()));
      }
    } catch (SdkException e) {
      throw S3Errors.of("s3://" + bucket + "/" + base, "list", e);
    }
    return found;
  }

  static Artifact etagsArtifact(String digest, Map<String, String> etags) {
    ObjectNode root = JSON.createObjectNode();
    root.put("digest", digest);
    ObjectNode map = root.putObject("etags");
    etags.forEach(map::put);
    return Artifact.utf8(ETAGS, MediaTypes.JSON, JSON.writeValueAsString(root));
  }

  /** The recorded ETags, or none when the record belongs to another release or is unreadable. */
  static Map<String, String> parseEtags(byte[] bytes, String digest) {
    Map<String, String> etags = new HashMap<>();
    try {
      JsonNode root = JSON.readTree(bytes);
      if (!digest.equals(root.path("digest").asString())) {
        return etags;
      }
      root.path("etags").properties().forEach(e -> etags.put(e.getKey(), e.getValue().asString()));
    } catch (JacksonException e) {
      etags.clear();
    }
    return etags;
  }

  static String key(String prefix) {
    return PublishPlan.key(prefix, ETAGS);
  }
}
