package io.toasty.neo4j.ddl;

import io.toasty.driver.SchemaUpgrade;
import io.toasty.neo4j.cypher.Names;
import io.toasty.schema.SoftDeleteMarker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a graph lacks of the constraints and indexes push creates ({@link GraphObject}), from the
 * server's listing of them by name: one that is missing push adds; one of the name on another
 * label or entity type, or on other properties (a migration that put a relationship's key
 * constraint on a node label, say), push cannot replace ({@code IF NOT EXISTS} keeps it), so it
 * is reported with the statements that drop it and create it as push would. One exception push
 * replaces in place: a constraint of a soft-deleted model's live records where one over every
 * record stands.
 */
public final class GraphUpgrades {
  private GraphUpgrades() {}

  /**
   * The upgrades, given the listing of the server's constraints and indexes by name.
   *
   * @param existing each constraint's and index's name to its entity type, then its labels or
   *                 types, then its properties, joined by {@code |}
   */
  public static List<SchemaUpgrade> of(List<GraphObject> expected,
      Map<String, String> existing) {
    List<SchemaUpgrade> out = new ArrayList<>();
    for (GraphObject o : expected) {
      String found = existing.get(o.name());
      if (found == null) {
        out.add(new SchemaUpgrade(o.table(), o.name(), SchemaUpgrade.Kind.GRAPH_CONSTRAINT,
            List.of(o.command()), true));
      } else if (!found.equals(shape(o.entityType(), List.of(o.label()), o.properties()))) {
        out.add(new SchemaUpgrade(o.table(), o.name(), SchemaUpgrade.Kind.GRAPH_CONSTRAINT,
            List.of((o.unique() ? "DROP CONSTRAINT " : "DROP INDEX ") + Names.quote(o.name()),
                o.command()), toLiveOnly(o, found)));
      }
    }
    return out;
  }

  /**
   * Whether {@code o} holds the live records only where the constraint {@code found} held every
   * one, over the same properties but {@code toasty_live} (its model became soft-deleted): the
   * new one refuses nothing the old one allowed, so push replaces it in place.
   */
  private static boolean toLiveOnly(GraphObject o, String found) {
    List<String> fields = o.properties().stream()
        .filter(p -> !p.equals(SoftDeleteMarker.LIVE)).toList();
    return o.unique() && fields.size() < o.properties().size()
        && found.equals(shape(o.entityType(), List.of(o.label()), fields));
  }

  /** One listing row as {@link #of} compares it. */
  public static String shape(String entityType, List<String> labels, List<String> properties) {
    return entityType + "|" + String.join(",", labels) + "|" + String.join(",", properties);
  }
}
