package io.toasty.docs.queries;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

// snippet: q-model
@Model
public record Player(@Key long id, String name, String team, int score, Optional<Integer> bonus,
    long views) {}
// end-snippet
