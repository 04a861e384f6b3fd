package io.toasty.codegen;

import static io.toasty.codegen.CompileErrors.assertUserError;

import org.junit.jupiter.api.Test;

/** {@code @SoftDelete}: the fields it fits, and its errors at the field. */
class SoftDeleteFieldTest {

  @Test
  void twoMarkers() {
    assertUserError("User.gone: only one field may be @SoftDelete, and deleted already is",
        "boolean gone", "@Key long id,", "@SoftDelete boolean deleted,",
        "@SoftDelete boolean gone) {}");
  }

  @Test
  void markerOnAString() {
    assertUserError("User.deleted: @SoftDelete needs an Optional<Instant> or boolean field, not "
        + "java.lang.String", "String deleted", "@Key long id,", "@SoftDelete String deleted) {}");
  }

  @Test
  void markerThatIsARequiredInstant() {
    assertUserError("User.deletedAt: @SoftDelete needs an Optional<Instant> or boolean field",
        "Instant deletedAt", "@Key long id,", "@SoftDelete java.time.Instant deletedAt) {}");
  }

  @Test
  void markerWithADefault() {
    assertUserError("User.deleted: the @SoftDelete marker is set by deletes",
        "boolean deleted", "@Key long id,", "@SoftDelete @Default(\"false\") boolean deleted) {}");
  }
}
