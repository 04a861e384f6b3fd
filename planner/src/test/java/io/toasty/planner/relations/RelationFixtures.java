package io.toasty.planner.relations;

import io.toasty.schema.Schema;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.value.Type;
import java.util.List;

/**
 * Person (id, name; posts, manager, reports, tags), Post (id, personId, title; author),
 * Tag (id, label), Tagging (id, postId... here personId, tagId; person, tag): has-many,
 * belongs-to (required and optional, self-referential) and many-to-many.
 */
final class RelationFixtures {
  private RelationFixtures() {}

  static final ModelSchema PERSON = new ModelSchema("Person", "x.Person", "people",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
          new FieldSchema(1, "name", Type.Scalar.STRING, false, null, null, "name"),
          new FieldSchema(2, "managerId", Type.Scalar.I64, true, null, null, "manager_id")),
      List.of(0), List.of(new IndexSchema("people_manager_id_idx", List.of(2), false)),
      List.of(
          new RelationSchema(0, "posts", RelationSchema.Kind.HAS_MANY, "Post", "author",
              List.of(0), List.of(1), false, null),
          new RelationSchema(1, "manager", RelationSchema.Kind.BELONGS_TO, "Person", "",
              List.of(2), List.of(0), true, null),
          new RelationSchema(2, "reports", RelationSchema.Kind.HAS_MANY, "Person", "manager",
              List.of(0), List.of(2), false, null),
          new RelationSchema(3, "taggings", RelationSchema.Kind.HAS_MANY, "Tagging", "person",
              List.of(0), List.of(1), false, null),
          new RelationSchema(4, "tags", RelationSchema.Kind.HAS_MANY, "Tag", "",
              List.of(0), List.of(0), false, new RelationSchema.Through("Tagging",
                  List.of("taggings", "tag"), List.of(1), List.of(2)))));
  static final int POSTS = 3;
  static final int MANAGER = 4;
  static final int REPORTS = 5;
  static final int TAGS = 7;

  static final ModelSchema POST = new ModelSchema("Post", "x.Post", "posts",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
          new FieldSchema(1, "personId", Type.Scalar.I64, false, null, null, "person_id"),
          new FieldSchema(2, "title", Type.Scalar.STRING, false, null, null, "title")),
      List.of(0), List.of(new IndexSchema("posts_person_id_idx", List.of(1), false)),
      List.of(new RelationSchema(0, "author", RelationSchema.Kind.BELONGS_TO, "Person", "",
          List.of(1), List.of(0), false, null)));
  static final int AUTHOR = 3;

  static final ModelSchema TAG = new ModelSchema("Tag", "x.Tag", "tags",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
          new FieldSchema(1, "label", Type.Scalar.STRING, false, null, null, "label")),
      List.of(0), List.of());

  static final ModelSchema TAGGING = new ModelSchema("Tagging", "x.Tagging", "taggings",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
          new FieldSchema(1, "personId", Type.Scalar.I64, false, null, null, "person_id"),
          new FieldSchema(2, "tagId", Type.Scalar.I64, false, null, null, "tag_id")),
      List.of(0), List.of(),
      List.of(new RelationSchema(0, "person", RelationSchema.Kind.BELONGS_TO, "Person", "",
              List.of(1), List.of(0), false, null),
          new RelationSchema(1, "tag", RelationSchema.Kind.BELONGS_TO, "Tag", "",
              List.of(2), List.of(0), false, null)));

  static final Schema SCHEMA = Schema.of(List.of(PERSON, POST, TAG, TAGGING));
}
