package io.toasty.docs;

import io.toasty.docs.model.User;
import io.toasty.docs.model.Users;
import io.toasty.error.RecordNotFoundException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.io.PrintStream;
import java.util.List;

/**
 * The getting-started example of {@code docs/getting-started.md}, run by the README's first command
 * and by {@link GettingStartedTest}. It blocks because it is a command-line program; a WebFlux
 * handler would return the {@code Mono}/{@code Flux} instead.
 */
public final class GettingStarted {
  private GettingStarted() {}

  public static void main(String[] args) {
    run("r2dbc:h2:mem:///getting-started", System.out);
  }

  /** Runs the example against {@code url}, printing what it does to {@code out}. */
  public static void run(String url, PrintStream out) {
    // snippet: connect
    Db db = Toasty.builder()
        .models(Users.MODEL)
        .url(url)                         // in-memory H2: no server needed
        .build();
    db.schema().push().block();           // create the tables and indexes
    // end-snippet
    try {
      tour(db, out);
    } finally {
      db.close().block();
    }
  }

  private static void tour(Db db, PrintStream out) {
    // snippet: create
    User carl = Users.create().name("Carl").email("carl@example.com").exec(db).block();
    User ann = Users.create().name("Ann").email("ann@example.com").nickname("annie")
        .exec(db).block();
    // carl.id() was assigned by the database; carl.loginCount() is the declared default, 0
    // end-snippet
    out.println("created " + carl);
    out.println("created " + ann);

    // snippet: find
    User byEmail = Users.getByEmail(db, "carl@example.com").block();
    List<User> some = Users.filter(Users.NAME.eq("Ann").or(Users.NICKNAME.isNull()))
        .orderBy(Users.NAME.asc())
        .thenBy(Users.ID.desc())
        .limit(20)
        .collect(db)
        .block();
    // end-snippet
    out.println("by email: " + byEmail);
    out.println("Ann or no nickname: " + some.size() + " users");

    // snippet: update
    Long changed = Users.updateById(carl.id())
        .loginCount(Users.LOGIN_COUNT.plus(1))   // computed by the database
        .exec(db)
        .block();                                // the number of records updated
    User renamed = Users.update(ann).name("Anne").exec(db).block();   // the record, reloaded
    // end-snippet
    out.println("updated " + changed + " record; renamed to " + renamed.name());

    // snippet: delete
    Long deleted = Users.filter(Users.LOGIN_COUNT.lt(1)).delete().exec(db).block();
    // end-snippet
    out.println("deleted " + deleted + " record(s) that never logged in");

    // snippet: not-found
    try {
      Users.getByEmail(db, "nobody@example.com").block();
    } catch (RecordNotFoundException e) {
      out.println(e.getMessage());   // User: no record found (email = "nobody@example.com")
    }
    // end-snippet
  }

  /** The many-row create of the guide: what two statements created (two users, then none). */
  static List<List<User>> createMany(Db db) {
    // snippet: create-many
    List<User> team = Users.createMany(List.of(
            Users.create().name("Dee").email("dee@example.com"),
            Users.create().name("Eve").email("eve@example.com")))
        .exec(db).block();                    // one statement; all rows or none
    List<User> none = Users.createMany(List.of()).exec(db).block();   // []: nothing is sent
    // end-snippet
    return List.of(team, none);
  }
}
