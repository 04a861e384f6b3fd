package io.toasty.neo4j;

import io.toasty.ModelDef;
import io.toasty.neo4j.models.Actors;
import io.toasty.neo4j.models.Castings;
import io.toasty.neo4j.models.Films;
import io.toasty.neo4j.models.Studios;
import java.util.List;

/** The films models on the local server under a fresh label prefix for each test. */
abstract class FilmGraphTestBase extends PrefixedGraphTestBase {
  @Override
  List<ModelDef<?>> models() {
    return List.of(Studios.MODEL, Films.MODEL, Castings.MODEL, Actors.MODEL);
  }
}
