package io.toasty.migrate.files;

import java.util.List;

/**
 * A Neo4j migration file ({@code .cypher}): SQL files' layout with Cypher's comments, a
 * {@code // step N: what} line per step and statements ending with {@code ;}, as cypher-shell
 * reads them. Label, constraint and index names start with {@link #LABEL_PREFIX}, which the
 * migrator replaces by the driver's label prefix (empty without one) before it runs a statement.
 */
public final class CypherScript {
  /** The placeholder of the driver's label prefix in a file's names. */
  public static final String LABEL_PREFIX = "${labelPrefix}";

  /** The format of Neo4j's files. */
  public static final ScriptFormat FORMAT = new ScriptFormat() {
    @Override public String extension() { return "cypher"; }
    @Override public String write(String header, List<Step> steps) {
      return SqlScript.write("//", header, steps);
    }
    @Override public List<Step> read(String text, String source) {
      return SqlScript.read("//", text, source);
    }
  };

  private CypherScript() {}
}
