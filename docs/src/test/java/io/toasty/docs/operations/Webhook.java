package io.toasty.docs.operations;

import io.toasty.Secret;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** The model with a {@code Secret<T>} field of docs/operations.md. */
// snippet: ops-sensitive-type-model
@Model
public record Webhook(@Key @Auto UUID id, String url, Secret<String> signingSecret) {}
// end-snippet
