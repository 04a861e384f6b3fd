package io.toasty.schema.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.toasty.schema.Schema;
import io.toasty.schema.app.DeclaredNames;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Type;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamingStrategyTest {
  private static ModelSchema bookmarkFolder() {
    return new ModelSchema("BookmarkFolder", "x.BookmarkFolder", "bookmark_folders", List.of(
        new FieldSchema(0, "id", Type.Scalar.I64, false, null, null, "id"),
        new FieldSchema(1, "clickCount", Type.Scalar.I32, false, null, null, "click_count"),
        new FieldSchema(2, "home.zipCode", Type.Scalar.STRING, false, null, null, "home_zip_code"),
        new FieldSchema(3, "legacy", Type.Scalar.STRING, false, null, null, "legacy_col")),
        List.of(0), List.of(new IndexSchema("bookmark_folders_click_count_idx", List.of(1),
            false), new IndexSchema("by_zip", List.of(2), false)));
  }

  @Test
  void declaredNamingKeepsEveryName() {
    ModelSchema model = bookmarkFolder();
    assertSame(model, NamingStrategy.declared().apply(model));
  }

  @Test
  void graphNamingLabelsAfterTheRecordAndCamelCasesProperties() {
    ModelSchema named = NamingStrategy.graph().apply(bookmarkFolder());
    assertEquals("BookmarkFolder", named.tableName());
    assertEquals(List.of("id", "clickCount", "homeZipCode", "legacyCol"),
        named.fields().stream().map(FieldSchema::columnName).toList());
    // an index named after the table is named after the new one; one named otherwise is kept
    assertEquals(List.of("BookmarkFolder_click_count_idx", "by_zip"),
        named.indexes().stream().map(IndexSchema::name).toList());
    // the fields themselves are the same but for their column
    assertEquals(bookmarkFolder().field(1).withColumnName("clickCount"), named.field(1));
  }

  @Test
  void aDeclaredTableOrColumnIsKeptAsWritten() {
    ModelSchema model = bookmarkFolder().withDeclared(new DeclaredNames(true, Set.of(3)));
    ModelSchema named = NamingStrategy.graph().apply(model);
    assertEquals("bookmark_folders", named.tableName());
    assertEquals(List.of("id", "clickCount", "homeZipCode", "legacy_col"),
        named.fields().stream().map(FieldSchema::columnName).toList());
    assertEquals(model.declared(), named.declared());
  }

  @Test
  void aCustomStrategyNamesOnlyTheDerivedNames() {
    NamingStrategy upper = new NamingStrategy() {
      @Override
      public String table(ModelSchema model) {
        return "T_" + model.tableName().toUpperCase();
      }

      @Override
      public String column(ModelSchema model, FieldSchema field) {
        return field.columnName().toUpperCase();
      }
    };
    ModelSchema model = bookmarkFolder().withDeclared(new DeclaredNames(false, Set.of(0)));
    Schema schema = Schema.of(List.of(upper.apply(model)));
    assertEquals("T_BOOKMARK_FOLDERS", schema.mapping("BookmarkFolder").table());
    assertEquals(List.of("id", "CLICK_COUNT", "HOME_ZIP_CODE", "LEGACY_COL"),
        schema.table("T_BOOKMARK_FOLDERS").columns().stream().map(c -> c.name()).toList());
  }

  @Test
  void changesAndDeclaredNamesSurviveEachOther() {
    ModelSchema model = bookmarkFolder().withDeclared(new DeclaredNames(true, Set.of()))
        .withChanges();
    assertEquals(true, model.changes());
    assertEquals(true, model.declared().table());
    assertEquals(true, NamingStrategy.graph().apply(model).changes());
  }
}
