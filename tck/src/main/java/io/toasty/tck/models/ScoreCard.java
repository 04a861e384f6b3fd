package io.toasty.tck.models;

import io.toasty.annotations.Projection;
import java.util.Optional;

/** A projection of {@link Score}: its name, points and optional bonus. */
@Projection(Score.class)
public record ScoreCard(String name, int points, Optional<Integer> bonus) {}
