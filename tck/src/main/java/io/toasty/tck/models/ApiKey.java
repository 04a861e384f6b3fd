package io.toasty.tck.models;

import io.toasty.Secret;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import java.util.Optional;
import java.util.UUID;

/**
 * A record whose secrets are {@code Secret<T>} fields: stored as their values, shown as the
 * mask by the record's own {@code toString()} and by every message of the library.
 */
@Model
public record ApiKey(@Key UUID id, String owner, @Unique Secret<String> secret,
    Optional<Secret<Integer>> pin) {}
