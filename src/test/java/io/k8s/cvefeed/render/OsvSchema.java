package io.k8s.cvefeed.render;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OSV JSON schema from {@code shared/data/schemas/osv-schema.json} (draft 2020-12), loaded
 * once, offline. A copy of the schema is required: tests fail, not skip, when it is missing, since
 * every OSV record must be validated.
 */
final class OsvSchema {
  static final Path PATH =
      Path.of(System.getProperty("shared.data", "../shared/data"), "schemas", "osv-schema.json");

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Schema SCHEMA = load();

  private OsvSchema() {}

  private static Schema load() {
    try (InputStream in = Files.newInputStream(PATH)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(PATH + ": cannot read the OSV schema", e);
    }
  }

  /** The schema violations of one record, as readable strings; empty when valid. */
  static List<String> errors(byte[] record) {
    List<Error> errors = SCHEMA.validate(MAPPER.readTree(record));
    return errors.stream().map(Error::toString).toList();
  }
}
