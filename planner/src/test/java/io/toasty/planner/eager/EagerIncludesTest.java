package io.toasty.planner.eager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.InvalidModelException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.IncludeNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The eager rewrite: eager relations become includes at every level, an explicit include and the
 * opt-outs win, projections are left alone, and a cycle among models compiled apart is refused.
 */
class EagerIncludesTest {

  /** Band (id) eager has-many Song (id, bandId), whose band is eager when {@code cycle}. */
  private static Schema schema(boolean cycle) {
    ModelSchema band = new ModelSchema("Band", "x.Band", "bands",
        List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id")),
        List.of(0), List.of(),
        List.of(new RelationSchema(0, "songs", RelationSchema.Kind.HAS_MANY, "Song", "band",
            List.of(0), List.of(1), false, null, List.of(), true)));
    ModelSchema song = new ModelSchema("Song", "x.Song", "songs",
        List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
            new FieldSchema(1, "bandId", Type.Scalar.I64, false, null, null, "band_id")),
        List.of(0), List.of(new IndexSchema("songs_band_id_idx", List.of(1), false)),
        List.of(new RelationSchema(0, "band", RelationSchema.Kind.BELONGS_TO, "Band", "",
            List.of(1), List.of(0), false, null, List.of(), cycle)));
    return Schema.of(List.of(band, song));
  }

  private static final ExprNode.Field SONGS = new ExprNode.Field("Band", 1);
  private static final ExprNode.Field BAND = new ExprNode.Field("Song", 2);

  private static List<IncludeNode> includes(Object statement) {
    return ((Returning.Model) ((Query) statement).returning()).includes();
  }

  @Test
  void eagerRelationsBecomeIncludesAtEveryLevel() {
    Schema s = schema(false);
    Query songs = (Query) EagerIncludes.expand(Query.all("Song").withReturning(
        new Returning.Model(List.of(IncludeNode.of(BAND, "Band")))), s);
    IncludeNode band = includes(songs).get(0);
    assertEquals(BAND, band.relation());
    assertEquals(List.of(SONGS), includes(band.scope()).stream().map(IncludeNode::relation)
        .toList(), "the included bands load their eager songs");
    assertEquals(List.of(), includes(includes(band.scope()).get(0).scope()),
        "the songs' band is lazy");
  }

  @Test
  void optOutsAndExplicitIncludesWin() {
    Schema s = schema(false);
    Query none = Query.all("Band").withReturning(Returning.Model.plain().withoutEager());
    assertEquals(List.of(), includes(EagerIncludes.expand(none, s)));
    Query excluded = Query.all("Band").withReturning(Returning.Model.plain()
        .excluding(List.of(SONGS)));
    assertEquals(List.of(), includes(EagerIncludes.expand(excluded, s)));
    Query scoped = Query.all("Song").withFilter(ExprNode.FALSE);
    Query explicit = Query.all("Band").withReturning(new Returning.Model(List.of(
        new IncludeNode(SONGS, scoped))));
    List<IncludeNode> out = includes(EagerIncludes.expand(explicit, s));
    assertEquals(1, out.size(), "not loaded twice");
    assertEquals(ExprNode.FALSE, out.get(0).scope().filter());
  }

  @Test
  void projectionsAreLeftAlone() {
    Query count = new Query(new Source.Model("Band"), ExprNode.TRUE,
        new Returning.Count(), List.of(), null);
    assertTrue(EagerIncludes.expand(count, schema(false)) == count);
  }

  @Test
  void aCycleAmongModelsCompiledApartIsRefusedNamingIt() {
    InvalidModelException e = assertThrows(InvalidModelException.class,
        () -> EagerIncludes.expand(Query.all("Band"), schema(true)));
    assertTrue(e.getMessage().contains("eager relations form a cycle (Band -> Song -> Band)"),
        e.getMessage());
  }
}
