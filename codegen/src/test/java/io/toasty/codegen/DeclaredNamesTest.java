package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.codegen.samples.Companies;
import io.toasty.codegen.samples.People;
import io.toasty.codegen.samples.Signals;
import io.toasty.codegen.samples.Users;
import io.toasty.schema.app.DeclaredNames;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.naming.NamingStrategy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The schema says which names {@code @Table} and {@code @Column} declared, so that a naming
 * strategy renames only the derived ones.
 */
class DeclaredNamesTest {

  @Test
  void aModelWithDerivedNamesDeclaresNone() {
    assertEquals(DeclaredNames.NONE, Users.MODEL.schema().declared());
  }

  @Test
  void aRenamedTableAndRenamedColumnsAreDeclared() {
    ModelSchema person = People.MODEL.schema();
    assertTrue(person.declared().table());
    assertEquals(Set.of(person.field("id").index(), person.field("name").index(),
        person.field("email").index()), person.declared().columns());
    ModelSchema named = NamingStrategy.graph().apply(person);
    assertEquals("persons", named.tableName());
    assertEquals(List.of("person_id", "full_name", "city", "mail"),
        named.fields().stream().map(FieldSchema::columnName).toList());
  }

  @Test
  void anEmbeddedRecordsColumnIsDeclaredWhereAnyPartOfItWas() {
    ModelSchema company = Companies.MODEL.schema();
    assertFalse(company.declared().table());
    ModelSchema named = NamingStrategy.graph().apply(company);
    assertEquals("Company", named.tableName());
    List<String> columns = named.fields().stream().map(FieldSchema::columnName).toList();
    assertTrue(columns.contains("headquartersLocationZip"), columns.toString());
    assertTrue(columns.contains("headquarters_location_town"), columns.toString());
    assertTrue(columns.contains("branch_name"), columns.toString());
  }

  @Test
  void aPolymorphicModelsDeclaredTableIsKept() {
    assertTrue(Signals.MODEL.schema().declared().table());
    assertEquals("signals", NamingStrategy.graph().apply(Signals.MODEL.schema()).tableName());
  }
}
