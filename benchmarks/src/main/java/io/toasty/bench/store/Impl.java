package io.toasty.bench.store;

import java.util.Locale;

/** The implementations compared; the JMH parameter {@code impl} holds the lower-case name. */
public enum Impl {
  /** This library. */
  TOASTY("Toasty"),
  /** The database's own client, used by hand as a careful user would. */
  RAW("raw driver"),
  /** Spring Data R2DBC 4.1: R2dbcEntityTemplate, and repositories where its users reach for them. */
  SPRING("Spring Data R2DBC");

  private final String label;

  Impl(String label) {
    this.label = label;
  }

  /** The name in tables. */
  public String label() {
    return label;
  }

  /** The JMH parameter value. */
  public String param() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The implementation named by a JMH parameter value. */
  public static Impl of(String param) {
    return valueOf(param.toUpperCase(Locale.ROOT));
  }
}
