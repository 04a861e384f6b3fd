package io.toasty.docs.queries;

import io.toasty.annotations.Projection;

// snippet: q-projection-record
@Projection(Player.class)
public record PlayerCard(String name, int score) {}
// end-snippet
