package io.toasty.tck.models;

import io.toasty.ModelDef;
import java.util.List;

/** The models of the relation families, registered together. */
public final class RelationModels {
  private RelationModels() {}

  /** The models, in registration order. */
  public static List<ModelDef<?>> all() {
    return List.of(Authors.MODEL, Articles.MODEL, Comments.MODEL, Bios.MODEL, Citizens.MODEL,
        Passports.MODEL, Employees.MODEL, Students.MODEL, Courses.MODEL, Enrollments.MODEL,
        Books.MODEL, Reviews.MODEL, Teams.MODEL, Players.MODEL);
  }
}
