package io.toasty.neo4j.cypher;

import io.toasty.value.Type;
import java.util.List;

/**
 * One statement rendered: the Cypher text and, in order, where each parameter {@code $p<i>}
 * takes its value from.
 *
 * @param text   the statement, with values only as parameters
 * @param params the source of parameter {@code p<i>} at index {@code i}
 * @param rows   whether it returns rows; otherwise one record of one count
 * @param types  the returned columns' types where the statement decides them (a count, an
 *               aggregate); empty where the operation's row type says
 * @param guarded the table and columns whose computed new values the statement checks against
 *               their integer width (a value out of range fails the statement with a division
 *               by zero, Cypher having no way to raise an error of its own); empty for none
 */
public record RenderedCypher(String text, List<Param> params, boolean rows,
    List<Type> types, List<String> guarded) {
  public RenderedCypher {
    params = List.copyOf(params);
    types = List.copyOf(types);
    guarded = List.copyOf(guarded);
  }
}
