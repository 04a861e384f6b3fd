package io.toasty.tck.models;

import io.toasty.Sensitive;
import io.toasty.annotations.Projection;
import java.util.Optional;

/** A projection of {@link ApiKey} that includes its {@code Sensitive<T>} fields. */
@Projection(ApiKey.class)
public record ApiKeyCard(String owner, Sensitive<String> secret,
    Optional<Sensitive<Integer>> pin) {}
