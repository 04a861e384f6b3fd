package io.toasty.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.toasty.migrate.apply.MigrationStatus;
import io.toasty.migrate.diff.Drift;
import io.toasty.migrate.diff.DriftReport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code --json}: the status and drift records as one JSON document on stdout, for a pipeline
 * to read instead of the lines meant for people. Each drift carries its {@code kind} (the
 * record's name: {@code MissingColumn}, ...), its fields and its {@code description}.
 */
final class JsonReport {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /** The document of a status (or null) and a drift report (or null). */
  static String of(String url, String backend, @Nullable MigrationStatus status,
      @Nullable DriftReport drift) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("database", Urls.redact(url));
    doc.put("backend", backend);
    if (status != null) {
      doc.put("current", status.current());
      doc.put("migrations", status.migrations());
    }
    if (drift != null) {
      doc.put("drift", drift.drifts().stream().map(JsonReport::drift).toList());
    }
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  private static Map<String, Object> drift(Drift d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", d.getClass().getSimpleName());
    out.putAll(JSON.convertValue(d, Map.class));
    out.put("description", d.describe());
    return out;
  }
}
