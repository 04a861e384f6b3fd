package io.toasty.migrate.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toasty.migrate.MigrationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A DynamoDB migration file: {@code {"description": .., "steps": [{"description": ..,
 * "requests": [{"op": "createTable", ..}, ..]}, ..]}}, indented for review.
 */
public final class DynamoScript {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** The format of DynamoDB's files. */
  public static final ScriptFormat FORMAT = new ScriptFormat() {
    @Override public String extension() { return "json"; }
    @Override public String write(String header, List<Step> steps) {
      return DynamoScript.write(header, steps);
    }
    @Override public List<Step> read(String text, String source) {
      return DynamoScript.read(text, source);
    }
  };

  private DynamoScript() {}

  static String write(String header, List<Step> steps) {
    ObjectNode root = JSON.createObjectNode().put("description", header);
    ArrayNode out = root.putArray("steps");
    try {
      for (Step step : steps) {
        ObjectNode s = out.addObject().put("description", step.description());
        ArrayNode requests = s.putArray("requests");
        for (String request : step.statements()) {
          requests.add(JSON.readTree(request));
        }
      }
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new MigrationException("cannot write a DynamoDB migration: " + e.getMessage(), e);
    }
  }

  static List<Step> read(String text, String source) {
    try {
      JsonNode root = JSON.readTree(text);
      List<Step> steps = new ArrayList<>();
      for (JsonNode s : root.path("steps")) {
        List<String> requests = new ArrayList<>();
        s.path("requests").forEach(r -> requests.add(r.toString()));
        steps.add(new Step(s.path("description").asText(), requests));
      }
      return steps;
    } catch (JsonProcessingException e) {
      throw new MigrationException(source + ": not a DynamoDB migration: "
          + e.getOriginalMessage(), e);
    }
  }
}
