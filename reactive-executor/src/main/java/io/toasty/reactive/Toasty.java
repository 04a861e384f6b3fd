package io.toasty.reactive;

/**
 * The entry point: builds a {@link Db}.
 *
 * <pre>{@code
 * Db db = Toasty.builder()
 *     .models(Users.MODEL, Posts.MODEL)
 *     .url("r2dbc:h2:mem:///app")
 *     .build();
 * db.schema().push().block();
 * Flux<User> carls = Users.filter(Users.NAME.eq("Carl")).stream(db);
 * }</pre>
 */
public final class Toasty {
  private Toasty() {}

  /** A builder with the defaults: pool of 10, 30 s acquire timeout, 1024 cached plans. */
  public static DbBuilder builder() {
    return new DbBuilder();
  }
}
