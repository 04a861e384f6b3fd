package io.toasty.codegen.samples;

import io.toasty.annotations.Column;
import io.toasty.annotations.Embeddable;
import io.toasty.annotations.Embedded;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/** A model with embedded records: nested, optional, renamed, and of an unannotated type. */
@Model
public record Company(
    @Key long id,
    String name,
    Office headquarters,
    @Column("branch") Optional<Office> branchOffice,
    @Embedded Contact contact) {

  /** An office: embedded, holding an embedded address. */
  @Embeddable
  public record Office(String name, Place location) {}

  /** A place, two levels down. */
  @Embeddable
  public record Place(@Column("town") String city, Optional<String> zip) {}

  /** Embedded by the field's {@code @Embedded}, not by its type. */
  public record Contact(Optional<String> email, Optional<String> phone) {}
}
