package io.toasty.tck.models;

import io.toasty.Secret;
import io.toasty.annotations.Projection;
import java.util.Optional;

/** A projection of {@link ApiKey} that includes its {@code Secret<T>} fields. */
@Projection(ApiKey.class)
public record ApiKeyCard(String owner, Secret<String> secret,
    Optional<Secret<Integer>> pin) {}
