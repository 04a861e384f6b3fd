package io.toasty.migrate.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.toasty.migrate.MigrationException;

/**
 * A snapshot as JSON and back: indented, fields in declaration order, so that the file a team
 * reviews in a pull request changes line by line with the models.
 */
public final class SnapshotJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .build();

  private SnapshotJson() {}

  /** {@code snapshot} as JSON text, ending with a newline. */
  public static String write(SchemaSnapshot snapshot) {
    try {
      return MAPPER.writeValueAsString(snapshot) + "\n";
    } catch (JsonProcessingException e) {
      throw new MigrationException("cannot write the schema snapshot: " + e.getMessage(), e);
    }
  }

  /** The snapshot in {@code json}; a {@link MigrationException} names what is wrong. */
  public static SchemaSnapshot read(String json, String source) {
    try {
      SchemaSnapshot s = MAPPER.readValue(json, SchemaSnapshot.class);
      if (s.format() != SchemaSnapshot.FORMAT) {
        throw new MigrationException(source + ": snapshot format " + s.format()
            + " is not the format " + SchemaSnapshot.FORMAT + " this version reads", null);
      }
      return s;
    } catch (JsonProcessingException e) {
      throw new MigrationException(source + ": not a schema snapshot: " + e.getOriginalMessage(),
          e);
    }
  }
}
