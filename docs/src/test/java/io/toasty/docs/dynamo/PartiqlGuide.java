package io.toasty.docs.dynamo;

import io.toasty.Row;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.io.PrintStream;
import java.util.List;

/**
 * The PartiQL example of {@code docs/dynamodb-partiql.md}, run against DynamoDB Local by
 * {@link PartiqlGuideTest}. It blocks because it is a command-line program.
 */
public final class PartiqlGuide {
  private PartiqlGuide() {}

  /** Runs the example against {@code url}, printing what it does to {@code out}. */
  public static void run(String url, PrintStream out) {
    Db db = Toasty.builder().models(Tasks.MODEL).url(url).build();
    db.schema().push().block();
    try {
      Tasks.create().owner("ann").title("Write").status("open").slug("write").exec(db).block();
      Tasks.create().owner("ann").title("Review").status("done").slug("review").exec(db).block();
      tour(db, out);
    } finally {
      db.close().block();
    }
  }

  private static void tour(Db db, PrintStream out) {
    // snippet: dynamo-partiql
    // the table by its schema name: the driver adds the table prefix
    List<Row> rows = db.partiql("SELECT \"title\", \"note\" FROM \"tasks\""
            + " WHERE \"owner\" = :owner AND \"status\" = :status")
        .bind("owner", "ann").bind("status", "open")
        .rows().collectList().block();
    Row row = rows.get(0);
    out.println(row.get("title", String.class) + ", note " + row.get("note", String.class));

    List<Task> tasks = db.partiql("SELECT * FROM \"tasks\" WHERE \"owner\" = :owner")
        .bind("owner", "ann")
        .as(Tasks.MODEL)                 // decoded as the DSL decodes a Task
        .collectList().block();
    out.println(tasks.size() + " tasks, equal to the DSL's: "
        + tasks.containsAll(Tasks.filter(Tasks.OWNER.eq("ann")).collect(db).block()));

    Task write = tasks.stream().filter(t -> t.title().equals("Write")).findFirst().orElseThrow();
    long changed = db.partiql("UPDATE \"tasks\" SET \"status\" = :done"
            + " WHERE \"owner\" = :owner AND \"id\" = :id AND \"status\" = :open")
        .bind("done", "done").bind("open", "open")
        .bind("owner", write.owner()).bind("id", write.id())
        .execute().block();              // 1; 0 had its status not been "open"
    out.println("updated " + changed);

    try {
      db.partiql("SELECT * FROM \"tasks\" WHERE").rows().blockLast();
    } catch (InvalidStatementException e) {
      out.println("invalid, on " + e.model().orElse("?"));   // the message: DynamoDB's reason
    }
    try {
      db.sql("SELECT * FROM tasks").rows().blockLast();
    } catch (UnsupportedFeatureException e) {
      out.println(e.feature() + " on " + e.backend());   // SQL on dynamodb: use db.partiql
    }
    // end-snippet
  }
}
